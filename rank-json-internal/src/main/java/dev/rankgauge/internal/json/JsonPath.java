package dev.rankgauge.internal.json;

import java.util.regex.Pattern;

/** JSON paths as problems show them: {@code $.ranks[2].requirements[0].kind}. */
public final class JsonPath {
  /** The document's root. */
  public static final String ROOT = "$";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsonPath() {}

  /** The path of a field of the object at {@code parent}. */
  public static String field(String parent, String name) {
    if (PLAIN.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
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
