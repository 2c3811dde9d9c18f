package dev.rankgauge.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check itself, on small builds laid out in a temporary folder: a complete build passes, and
 * each thing a release needs, when left out, is reported with the module and the jar it concerns.
 */
class PublishedJarsTest {

  private static final String VERSION = "1.2.3";
  private static final String LICENSE = "Apache License\nVersion 2.0\n";
  private static final String METADATA = """
      <name>Lib</name>
      <description>A library.</description>
      <url>https://example.org/lib</url>
      <licenses><license><name>Apache-2.0</name><url>https://example.org/l</url></license></licenses>
      <developers><developer><name>Us</name></developer></developers>
      <scm>
        <connection>scm:git:https://example.org/lib.git</connection>
        <developerConnection>scm:git:ssh://example.org/lib.git</developerConnection>
        <url>https://example.org/lib</url>
      </scm>
      """;

  @TempDir Path root;
  private String bomMetadata = METADATA;

  @BeforeEach
  void aBuildWithOneLibraryAnExampleAndTheBom() throws IOException {
    write(root.resolve("LICENSE"), LICENSE);
    write(root.resolve("pom.xml"), """
        <project>
          <artifactId>parent</artifactId>
          <version>1.2.3</version>
          <packaging>pom</packaging>
          %s
          <modules>
            <module>lib</module>
            <module>demo</module>
            <module>bom</module>
          </modules>
        </project>
        """.formatted(METADATA));
    write(root.resolve("lib/pom.xml"), """
        <project>
          <parent><artifactId>parent</artifactId></parent>
          <artifactId>rank-lib</artifactId>
          <properties><rankgauge.module.name>dev.rankgauge.lib</rankgauge.module.name></properties>
        </project>
        """);
    write(root.resolve("demo/pom.xml"), """
        <project>
          <artifactId>rank-demo</artifactId>
          <properties><maven.deploy.skip>true</maven.deploy.skip></properties>
        </project>
        """);
    bom("rank-lib");
    library("dev.rankgauge.lib");
  }

  @Test
  void aCompleteBuildHasNoProblems() {
    assertThat(PublishedJars.problems(root, VERSION)).isEmpty();
  }

  @Test
  void modulesThatSkipDeployAreNotPublishedAndNeedNoJars() {
    assertThat(PublishedJars.modules(root))
        .containsExactly(
            new PublishedJars.Module("lib", "rank-lib", "jar", true),
            new PublishedJars.Module("demo", "rank-demo", "jar", false),
            new PublishedJars.Module("bom", "rank-bom", "pom", true));
  }

  @Test
  void aJarWithoutAutomaticModuleNameIsReported() throws IOException {
    library(null);

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "rank-lib: rank-lib-1.2.3.jar has no Automatic-Module-Name in META-INF/MANIFEST.MF;"
            + " set <rankgauge.module.name> in rank-lib/pom.xml");
  }

  @Test
  void aModuleNameLeftAsAnUnsetPropertyIsReported() throws IOException {
    library("${rankgauge.module.name}");

    assertThat(PublishedJars.problems(root, VERSION)).singleElement().asString()
        .startsWith("rank-lib: rank-lib-1.2.3.jar has Automatic-Module-Name"
            + " \"${rankgauge.module.name}\", expected a Java module name under dev.rankgauge");
  }

  @Test
  void aMissingLicenceIsReportedForEachJarThatLacksIt() throws IOException {
    jar("rank-lib-1.2.3-sources.jar", null, Map.of("dev/rankgauge/lib/Thing.java", "class Thing {}"));
    jar("rank-lib-1.2.3-javadoc.jar", null, Map.of(
        "index.html", "<html></html>", "META-INF/LICENSE", "some other licence"));

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "rank-lib: rank-lib-1.2.3-sources.jar has no META-INF/LICENSE",
        "rank-lib: META-INF/LICENSE in rank-lib-1.2.3-javadoc.jar differs from the root LICENSE");
  }

  @Test
  void missingSourcesAndJavadocJarsAreBothReported() throws IOException {
    Files.delete(target().resolve("rank-lib-1.2.3-sources.jar"));
    Files.delete(target().resolve("rank-lib-1.2.3-javadoc.jar"));

    assertThat(PublishedJars.problems(root, VERSION))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("rank-lib: rank-lib-1.2.3-sources.jar is missing"))
        .anySatisfy(p -> assertThat(p).startsWith("rank-lib: rank-lib-1.2.3-javadoc.jar is missing"));
  }

  @Test
  void aClassWithoutItsSourceAndJavadocWithoutAnIndexAreReported() throws IOException {
    jar("rank-lib-1.2.3-sources.jar", null, Map.of("META-INF/LICENSE", LICENSE));
    jar("rank-lib-1.2.3-javadoc.jar", null, Map.of("META-INF/LICENSE", LICENSE));

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "rank-lib: rank-lib-1.2.3-sources.jar has no dev/rankgauge/lib/Thing.java,"
            + " the source of dev.rankgauge.lib.Thing",
        "rank-lib: rank-lib-1.2.3-javadoc.jar has no index.html");
  }

  @Test
  void aPublishedModuleTheBomLeavesOutAndAnEntryThatIsNotPublishedAreReported()
      throws IOException {
    bom("rank-demo");

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "rank-bom: rank-lib is published but not listed in pom.xml's dependencyManagement",
        "rank-bom: lists rank-demo, which is not a published module");
  }

  @Test
  void aMissingJarIsReportedWithTheHintToBuildItFirst() throws IOException {
    Files.delete(target().resolve("rank-lib-1.2.3.jar"));

    assertThat(PublishedJars.problems(root, VERSION)).singleElement().asString()
        .startsWith("rank-lib: rank-lib-1.2.3.jar is missing")
        .endsWith("rank-release-check must depend on the module so that it is built first");
  }

  @Test
  void aBomWithoutParentMustCarryItsOwnMetadataAndEveryGapIsReported() throws IOException {
    bomMetadata = METADATA.replaceAll("<developers>.*</developers>", "")
        .replaceAll("<connection>.*</connection>", "");
    bom("rank-lib");

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "rank-bom: pom.xml has no <developers><developer><name>, which Maven Central requires",
        "rank-bom: pom.xml has no <scm><connection>, which Maven Central requires");
  }

  @Test
  void modulesThatInheritFromTheRootPomNeedNoMetadataOfTheirOwnButTheRootPomDoes()
      throws IOException {
    Path pom = root.resolve("pom.xml");
    Files.writeString(pom,
        Files.readString(pom).replace("<url>https://example.org/lib</url>", ""));

    assertThat(PublishedJars.problems(root, VERSION)).containsExactly(
        "parent: pom.xml has no <url>, which Maven Central requires",
        "parent: pom.xml has no <scm><url>, which Maven Central requires");
  }

  private void library(String moduleName) throws IOException {
    jar("rank-lib-1.2.3.jar", moduleName, Map.of(
        "META-INF/LICENSE", LICENSE,
        "dev/rankgauge/lib/Thing.class", "bytes",
        "dev/rankgauge/lib/Thing$Inner.class", "bytes",
        "dev/rankgauge/lib/package-info.class", "bytes"));
    jar("rank-lib-1.2.3-sources.jar", null, Map.of(
        "META-INF/LICENSE", LICENSE,
        "dev/rankgauge/lib/Thing.java", "class Thing {}"));
    jar("rank-lib-1.2.3-javadoc.jar", null, Map.of(
        "META-INF/LICENSE", LICENSE,
        "index.html", "<html></html>"));
  }

  private void bom(String... artifactIds) throws IOException {
    StringBuilder dependencies = new StringBuilder();
    for (String artifactId : artifactIds) {
      dependencies.append("<dependency><groupId>dev.rankgauge</groupId><artifactId>")
          .append(artifactId).append("</artifactId><version>${project.version}</version>")
          .append("</dependency>\n");
    }
    write(root.resolve("bom/pom.xml"), """
        <project>
          <artifactId>rank-bom</artifactId>
          <version>1.2.3</version>
          <packaging>pom</packaging>
          %s
          <dependencyManagement><dependencies>
        %s  </dependencies></dependencyManagement>
        </project>
        """.formatted(bomMetadata, dependencies));
  }

  private Path target() {
    return root.resolve("lib/target");
  }

  private void jar(String name, String moduleName, Map<String, String> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (moduleName != null) {
      manifest.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
    }
    Files.createDirectories(target());
    try (OutputStream file = Files.newOutputStream(target().resolve(name));
        JarOutputStream jar = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue().getBytes(UTF_8));
        jar.closeEntry();
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }
}
