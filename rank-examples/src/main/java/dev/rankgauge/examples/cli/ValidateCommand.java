package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.json.PlanCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate}: a plan review. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks a plan file and prints every problem and warning with its location."
        + " Exits with 1 if the plan has problems; warnings alone do not fail.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--plan", required = true, paramLabel = "FILE",
      description = "The plan file, or the name of a bundled plan.")
  String plan;

  @Override
  public Integer call() {
    PlanCheck check = cli.check(plan);
    CliTexts t = new CliTexts(cli.locale());
    PrintWriter out = spec.commandLine().getOut();
    for (Problem p : check.problems()) {
      out.println(t.get("validate.error", t.problem(p)));
    }
    for (Problem p : check.warnings()) {
      out.println(t.get("validate.warning", t.problem(p)));
    }
    if (check.plan().isPresent()) {
      CompPlan p = check.plan().get();
      out.println(t.get("validate.loads", plan, p.name(), p.version(), p.ranks().size(),
          String.valueOf(p.volumeTypes()), p.zone().toString(), check.warnings().size()));
    }
    out.flush();
    if (!check.ok()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + t.get("validate.failed", plan,
          check.problems().size(), check.warnings().size()));
      err.flush();
      return RankGaugeCli.FAILED;
    }
    return 0;
  }
}
