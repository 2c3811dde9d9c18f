package dev.rankgauge.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What every published module of the build must ship, checked on the files a build left behind.
 *
 * <p>A module is published when the root {@code pom.xml} lists it, its packaging is {@code jar} and
 * its {@code pom.xml} does not set {@code maven.deploy.skip} to {@code true}. Such a module must
 * have, in its {@code target} folder: the jar, with an {@code Automatic-Module-Name} in its manifest
 * and {@code META-INF/LICENSE} equal to the root {@code LICENSE}; a sources jar holding the source
 * of every top-level class of the jar, and the licence; a javadoc jar with an {@code index.html},
 * and the licence. {@code rank-bom} must list exactly the published modules, at the project version.
 * The root pom, and every published module that does not inherit from it, must carry what Maven
 * Central asks of a pom: url, scm (connection, developerConnection, url), developers and licenses.
 *
 * <p>{@link #problems} collects every problem rather than stopping at the first.
 */
final class PublishedJars {

  static final String GROUP_ID = "dev.rankgauge";
  static final String BOM = "rank-bom";

  private static final Pattern MODULE_NAME =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private PublishedJars() {}

  /** A module of the reactor: its folder name, artifactId, packaging and whether it is deployed. */
  record Module(String folder, String artifactId, String packaging, boolean deployed) {
    boolean published() {
      return deployed && packaging.equals("jar");
    }
  }

  /** Every problem found under {@code root} for version {@code version}; empty when all is well. */
  static List<String> problems(Path root, String version) {
    List<String> problems = new ArrayList<>();
    Path license = root.resolve("LICENSE");
    if (!Files.isRegularFile(license)) {
      problems.add("LICENSE: missing at the root (" + license + ")");
      return problems;
    }
    byte[] licenseText = read(license);
    List<Module> modules = modules(root);
    Map<String, String> moduleNames = new HashMap<>();
    for (Module module : modules) {
      if (module.published()) {
        checkJars(root.resolve(module.folder()), module.artifactId(), version, licenseText,
            moduleNames, problems);
      }
    }
    checkBom(root, modules, version, problems);
    checkMetadata(root, modules, problems);
    return problems;
  }

  /** The modules the root pom lists, in its order. */
  static List<Module> modules(Path root) {
    Element project = parse(root.resolve("pom.xml"));
    List<Module> modules = new ArrayList<>();
    Optional<Element> list = child(project, "modules");
    if (list.isEmpty()) {
      return modules;
    }
    for (Element folder : children(list.get(), "module")) {
      String name = folder.getTextContent().trim();
      Element pom = parse(root.resolve(name).resolve("pom.xml"));
      String artifactId = text(pom, "artifactId").orElse(name);
      String packaging = text(pom, "packaging").orElse("jar");
      boolean skipped = child(pom, "properties")
          .flatMap(properties -> text(properties, "maven.deploy.skip"))
          .map(Boolean::parseBoolean)
          .orElse(false);
      modules.add(new Module(name, artifactId, packaging, !skipped));
    }
    return modules;
  }

  private static void checkJars(Path dir, String artifactId, String version, byte[] license,
      Map<String, String> moduleNames, List<String> problems) {
    Path target = dir.resolve("target");
    String base = artifactId + "-" + version;
    Path jar = target.resolve(base + ".jar");
    Path sources = target.resolve(base + "-sources.jar");
    Path javadoc = target.resolve(base + "-javadoc.jar");

    Set<String> classes = new TreeSet<>();
    if (!missing(artifactId, jar, problems)) {
      try (JarFile file = new JarFile(jar.toFile())) {
        Manifest manifest = file.getManifest();
        String name = manifest == null ? null
            : manifest.getMainAttributes().getValue("Automatic-Module-Name");
        if (name == null || name.isBlank()) {
          problems.add(artifactId + ": " + jar.getFileName()
              + " has no Automatic-Module-Name in META-INF/MANIFEST.MF;"
              + " set <rankgauge.module.name> in " + artifactId + "/pom.xml");
        } else if (!MODULE_NAME.matcher(name).matches()
            || !(name.equals(GROUP_ID) || name.startsWith(GROUP_ID + "."))) {
          problems.add(artifactId + ": " + jar.getFileName() + " has Automatic-Module-Name \""
              + name + "\", expected a Java module name under " + GROUP_ID
              + "; set <rankgauge.module.name> in " + artifactId + "/pom.xml");
        } else {
          String other = moduleNames.putIfAbsent(name, artifactId);
          if (other != null) {
            problems.add(artifactId + ": Automatic-Module-Name \"" + name
                + "\" is already the name of " + other);
          }
        }
        checkLicense(artifactId, jar, file, license, problems);
        file.stream()
            .map(ZipEntry::getName)
            .filter(entry -> entry.endsWith(".class") && !entry.contains("$")
                && !entry.startsWith("META-INF/")
                && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class"))
            .forEach(entry -> classes.add(entry.substring(0, entry.length() - ".class".length())));
      } catch (IOException e) {
        problems.add(artifactId + ": cannot read " + jar + ": " + e.getMessage());
      }
    }

    if (!missing(artifactId, sources, problems)) {
      try (JarFile file = new JarFile(sources.toFile())) {
        checkLicense(artifactId, sources, file, license, problems);
        for (String type : classes) {
          if (file.getEntry(type + ".java") == null) {
            problems.add(artifactId + ": " + sources.getFileName() + " has no " + type
                + ".java, the source of " + type.replace('/', '.'));
          }
        }
      } catch (IOException e) {
        problems.add(artifactId + ": cannot read " + sources + ": " + e.getMessage());
      }
    }

    if (!missing(artifactId, javadoc, problems)) {
      try (JarFile file = new JarFile(javadoc.toFile())) {
        checkLicense(artifactId, javadoc, file, license, problems);
        if (file.getEntry("index.html") == null) {
          problems.add(artifactId + ": " + javadoc.getFileName() + " has no index.html");
        }
      } catch (IOException e) {
        problems.add(artifactId + ": cannot read " + javadoc + ": " + e.getMessage());
      }
    }
  }

  private static boolean missing(String artifactId, Path jar, List<String> problems) {
    if (Files.isRegularFile(jar)) {
      return false;
    }
    problems.add(artifactId + ": " + jar.getFileName() + " is missing (" + jar + "); mvn verify"
        + " must build it for a published module, and rank-release-check must depend on the"
        + " module so that it is built first");
    return true;
  }

  private static void checkLicense(String artifactId, Path jar, JarFile file, byte[] license,
      List<String> problems) throws IOException {
    ZipEntry entry = file.getEntry("META-INF/LICENSE");
    if (entry == null) {
      problems.add(artifactId + ": " + jar.getFileName() + " has no META-INF/LICENSE");
      return;
    }
    try (InputStream in = file.getInputStream(entry)) {
      if (!Arrays.equals(in.readAllBytes(), license)) {
        problems.add(artifactId + ": META-INF/LICENSE in " + jar.getFileName()
            + " differs from the root LICENSE");
      }
    }
  }

  private static void checkBom(Path root, List<Module> modules, String version,
      List<String> problems) {
    Optional<Module> bomModule =
        modules.stream().filter(m -> m.artifactId().equals(BOM)).findFirst();
    if (bomModule.isEmpty()) {
      problems.add(BOM + ": not a module of the root pom.xml");
      return;
    }
    Path pom = root.resolve(bomModule.get().folder()).resolve("pom.xml");
    Element bom = parse(pom);
    String bomVersion = text(bom, "version").orElse("");
    if (!bomVersion.equals(version)) {
      problems.add(BOM + ": version " + bomVersion + " in " + pom + ", expected " + version
          + ", the version of the build");
    }
    Set<String> listed = new LinkedHashSet<>();
    List<Element> dependencies = child(bom, "dependencyManagement")
        .flatMap(management -> child(management, "dependencies"))
        .map(list -> children(list, "dependency"))
        .orElse(List.of());
    for (Element dependency : dependencies) {
      String artifactId = text(dependency, "artifactId").orElse("?");
      listed.add(artifactId);
      String groupId = text(dependency, "groupId").orElse("");
      String dependencyVersion = text(dependency, "version").orElse("");
      if (!groupId.equals(GROUP_ID)) {
        problems.add(BOM + ": " + artifactId + " has groupId \"" + groupId + "\", expected "
            + GROUP_ID);
      }
      if (!dependencyVersion.equals("${project.version}")) {
        problems.add(BOM + ": " + artifactId + " has version \"" + dependencyVersion
            + "\", expected ${project.version}");
      }
    }
    for (Module module : modules) {
      if (module.published() && !listed.contains(module.artifactId())) {
        problems.add(BOM + ": " + module.artifactId() + " is published but not listed in "
            + pom.getFileName() + "'s dependencyManagement");
      }
    }
    for (String artifactId : listed) {
      boolean published = modules.stream()
          .anyMatch(m -> m.published() && m.artifactId().equals(artifactId));
      if (!published) {
        problems.add(BOM + ": lists " + artifactId + ", which is not a published module");
      }
    }
  }

  /** What Maven Central requires of every published pom, as paths of elements under project. */
  static final List<List<String>> REQUIRED_METADATA = List.of(
      List.of("name"),
      List.of("description"),
      List.of("url"),
      List.of("licenses", "license", "name"),
      List.of("licenses", "license", "url"),
      List.of("developers", "developer", "name"),
      List.of("scm", "connection"),
      List.of("scm", "developerConnection"),
      List.of("scm", "url"));

  private static void checkMetadata(Path root, List<Module> modules, List<String> problems) {
    Element parent = parse(root.resolve("pom.xml"));
    String parentId = text(parent, "artifactId").orElse("");
    requireMetadata(parentId, parent, problems);
    for (Module module : modules) {
      if (!module.deployed()) {
        continue;
      }
      Element pom = parse(root.resolve(module.folder()).resolve("pom.xml"));
      boolean inherits = child(pom, "parent")
          .flatMap(p -> text(p, "artifactId"))
          .filter(parentId::equals)
          .isPresent();
      if (!inherits) {
        requireMetadata(module.artifactId(), pom, problems);
      }
    }
  }

  private static void requireMetadata(String artifactId, Element project, List<String> problems) {
    for (List<String> path : REQUIRED_METADATA) {
      Optional<Element> element = Optional.of(project);
      for (String name : path) {
        element = element.flatMap(e -> child(e, name));
      }
      if (element.map(e -> e.getTextContent().isBlank()).orElse(true)) {
        problems.add(artifactId + ": pom.xml has no <" + String.join("><", path)
            + ">, which Maven Central requires");
      }
    }
  }

  private static Element parse(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pom, e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim());
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
