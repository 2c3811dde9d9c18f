package dev.rankgauge.internal.json;

/** JSON paths as problems show them: {@code $.ranks[2].requirements[0].kind}. */
public final class JsonPath {
  /** The document's root. */
  public static final String ROOT = "$";

  private JsonPath() {}

  /** The path of a field of the object at {@code parent}. */
  public static String field(String parent, String name) {
    if (plain(name)) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** Whether a name can follow a dot: {@code [A-Za-z_$][A-Za-z0-9_$]*}, checked without a regex. */
  private static boolean plain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The steps of a path made by {@link #field} and {@link #index}: a {@link String} per field, an
   * {@link Integer} per array index.
   */
  public static java.util.List<Object> steps(String path) {
    java.util.List<Object> out = new java.util.ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        out.add(path.substring(i + 1, end));
        i = end;
      } else if (path.startsWith("['", i)) {
        StringBuilder sb = new StringBuilder();
        int j = i + 2;
        while (path.charAt(j) != '\'') {
          if (path.charAt(j) == '\\') {
            j++;
          }
          sb.append(path.charAt(j++));
        }
        out.add(sb.toString());
        i = j + 2;
      } else {
        int end = path.indexOf(']', i);
        out.add(Integer.valueOf(path.substring(i + 1, end)));
        i = end + 1;
      }
    }
    return out;
  }

  /** The path of an element of the array at {@code parent}. */
  public static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }
}
