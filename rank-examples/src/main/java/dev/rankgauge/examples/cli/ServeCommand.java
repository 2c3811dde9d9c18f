package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.io.Progress;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve}: a live back office on localhost, optionally replaying a file of orders. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Serves the organisation live on localhost: /d/ID is a distributor's gauge page whose"
            + " dials, paid-as rank and gaps move as orders arrive (server-sent events, no"
            + " reload, works offline); /api/distributors/ID, /api/rank-counts and /api/changes"
            + " are JSON, described at /openapi.json.",
        "With --replay, orders from a file (the orders.csv format) arrive in time order,"
            + " --speed times faster than they were placed. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "The port on localhost (0 for any free one). Default: 8080.")
  int port;

  @Option(names = "--replay", paramLabel = "FILE",
      description = "Orders to replay, in the orders.csv format.")
  Path replay;

  @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "60",
      description = "How many times faster than real time orders are replayed (60: a minute"
          + " of orders a second). Default: 60. A wait is never longer than a minute.")
  double speed;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw Usage.of("serve.port", String.valueOf(port));
    }
    if (!(speed > 0)) {
      throw Usage.of("serve.speed", String.valueOf(speed));
    }
    if (replay != null && !Files.isRegularFile(replay)) {
      throw Usage.of("notAFile", "--replay", replay.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err, cli.locale());
    // as evaluate does, with --history and --as-of, then live from there
    Evaluation start = inputs.evaluate(cli, progress);
    CompPlan plan = start.plan();
    Organisation org = start.organisation();
    List<Order> orders = replay == null ? List.of()
        : ReplayCommand.readEvents(inputs.data, replay, plan, progress);
    LiveEvaluation live = LiveEvaluation.start(start);
    LiveServer bound;
    try {
      bound = new LiveServer(live, port, cli.locale());
    } catch (BindException e) {
      throw Failure.of("serve.portInUse", String.valueOf(port));
    }
    try (LiveServer server = bound) {
      out.printf(Locale.ROOT, "Serving %s on http://localhost:%d/ (for instance /d/%s)%n",
          plan.name(), server.port(), org.distributors().get(0).id());
      out.flush();
      if (!orders.isEmpty()) {
        server.replay(orders, speed, err);
        out.printf(Locale.ROOT, "Replayed %,d orders%n", orders.size());
        out.flush();
      }
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
