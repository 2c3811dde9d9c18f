package host;

import dev.rankgauge.CompPlan;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanCheck;
import dev.rankgauge.json.PlanFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads and writes plan files with the Jackson versions Spring Boot 3 pins. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String core = new tools.jackson.core.json.JsonFactory().version().toString();
    System.out.println("jackson-core " + core);
    if (!core.equals("3.3.0")) {
      throw new AssertionError("expected jackson-core 3.3.0 on the class path, found " + core);
    }
      // The pin that broke plan loading before: jackson-annotations below 2.20 lacks JsonSerializeAs.
      try {
        Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs");
        throw new AssertionError("expected jackson-annotations 2.19 without JsonSerializeAs");
      } catch (ClassNotFoundException expected) {
        System.out.println("jackson-annotations without JsonSerializeAs, as Spring Boot 3 pins it");
      }
    Path dir = Files.createTempDirectory("host-plans");
    for (String name : PlanFiles.bundledNames()) {
      if (name.equals("sponsor-four-silvers")) {
        continue; // needs a host rule this host does not register
      }
      CompPlan plan = PlanFiles.bundled(name, RuleRegistry.empty());
      Path file = dir.resolve(name + ".json");
      PlanFiles.write(plan, file);
      CompPlan back = PlanFiles.load(file, RuleRegistry.empty());
      if (!back.equals(plan)) {
        throw new AssertionError(name + " did not load back equal from " + file);
      }
      System.out.println(name + ": written and loaded back; the host's own JSON: " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("plan", plan.name())));
    }
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"name\": \"B\",\n \"ranks\": [{\"code\": \"DIST\", \"name\": \"D\"},\n"
        + "  {\"code\": \"SLV\", \"name\": \"S\", \"requirements\": [{\"kind\": \"personalVolum\"}]}]}");
    PlanCheck check = PlanFiles.check(broken, RuleRegistry.empty());
    if (check.problems().stream().noneMatch(p -> p.location().endsWith(":3:58 at $.ranks[1].requirements[0].kind"))) {
      throw new AssertionError("expected a located problem, found " + check.problems());
    }
    try {
      PlanFiles.load(broken, RuleRegistry.empty());
      throw new AssertionError("a broken plan loaded");
    } catch (ValidationException expected) {
      System.out.println("broken plan rejected: " + expected.problems().get(0));
    }
  }
}
