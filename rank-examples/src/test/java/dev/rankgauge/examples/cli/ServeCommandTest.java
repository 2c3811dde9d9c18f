package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code serve} when it cannot start: the reasons a person can act on, never a blocked run. */
class ServeCommandTest {
  private static Cli.Run serve(String... more) {
    String[] args = {"serve", "--plan", "seed", "--data", EvaluateCommandTest.SEED, "--period",
        "2026-11"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  /** Found by the fuzz campaign: it said only "Address already in use", naming no port. */
  @Test
  void aPortInUseIsNamedWithWhatToDoInstead() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      Cli.Run run = serve("--port", port, "--replay", "data/seed-live/events.csv");
      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("rankgauge serve: --port " + port
          + ": the port is in use on localhost; choose another, or --port 0 for any free one\n");

      Cli.Run spanish = Cli.run("--locale", "es", "serve", "--plan", "seed", "--data",
          EvaluateCommandTest.SEED, "--period", "2026-11", "--port", port);
      assertThat(spanish.err()).as(spanish.toString()).contains("--port " + port,
          "el puerto está en uso");
    }
  }

  @Test
  void aPortOutOfRangeOrABadSpeedIsAUsageError() {
    Cli.Run port = serve("--port", "65536");
    assertThat(port.exit()).as(port.toString()).isEqualTo(2);
    assertThat(port.err()).startsWith(
        "rankgauge serve: --port 65536 is not a port; expected 0 to 65535\n");
    Cli.Run speed = serve("--speed", "0");
    assertThat(speed.exit()).as(speed.toString()).isEqualTo(2);
    assertThat(speed.err()).startsWith(
        "rankgauge serve: --speed 0.0 is not a speed; expected a number above 0\n");
  }

  @Test
  void aMissingReplayFileIsAUsageErrorBeforeAnythingIsServed() {
    Cli.Run run = serve("--port", "0", "--replay", "no-such-events.csv");
    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--replay").contains("no-such-events.csv");
  }
}
