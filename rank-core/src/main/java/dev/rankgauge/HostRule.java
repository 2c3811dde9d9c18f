package dev.rankgauge;

import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleAdvice;
import dev.rankgauge.spi.RuleOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The adapter between a host rule ({@link Requirement.Host}) and the engine: it asks the rule
 * about one distributor through a {@link Context} built for that question, and names the rule and
 * the distributor when the rule fails.
 */
final class HostRule extends Rules.Rule {
  private final Requirement.Host q;
  private final QualificationRule rule;

  HostRule(Computation computation, Requirement.Host q) {
    super(computation, q);
    this.q = q;
    this.rule = q.rule();
  }

  /** The rule's advice for distributor v, failures named like {@link #outcome}'s. */
  List<RuleAdvice> advise(int v) {
    List<RuleAdvice> out;
    try {
      out = rule.advise(new Context(computation, v));
    } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
      throw failed(v, e);
    }
    if (out == null) {
      throw new IllegalStateException("host rule " + q.name() + " returned no advice for"
          + " distributor " + computation.org.distributorId(v));
    }
    return List.copyOf(out);
  }

  private IllegalStateException failed(int v, Throwable e) {
    String why = e instanceof RuntimeException && e.getMessage() != null ? e.getMessage()
        : e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new IllegalStateException("host rule " + q.name() + " failed for distributor "
        + computation.org.distributorId(v) + ": " + why, e);
  }

  private RuleOutcome outcome(int v) {
    RuleOutcome out;
    try {
      out = rule.evaluate(new Context(computation, v));
    } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
      // Errors a rule's own code raises (a failed assert, runaway recursion, a missing class)
      // are its failure, not the JVM's: report them like exceptions. Running out of memory and
      // other VirtualMachineErrors concern the whole run and pass through.
      throw failed(v, e);
    }
    if (out == null) {
      throw new IllegalStateException("host rule " + q.name() + " returned no outcome for"
          + " distributor " + computation.org.distributorId(v));
    }
    return out;
  }

  @Override
  boolean met(int v) {
    return outcome(v).met();
  }

  @Override
  RequirementStatus status(int v) {
    RuleOutcome out = outcome(v);
    // The host's sentence is its own: written as it is in every language.
    return status(out.required(), out.actual(), out.met(),
        out.explanation().isEmpty() ? null : Phrase.of("note.host", out.explanation()), List.of());
  }

  /** What a host rule sees of one distributor; each list is built when it is asked for. */
  static final class Context implements RuleContext {
    private final Computation computation;
    private final int v;

    Context(Computation computation, int v) {
      this.computation = computation;
      this.v = v;
    }

    @Override
    public CompPlan plan() {
      return computation.plan;
    }

    @Override
    public Period period() {
      return computation.period;
    }

    @Override
    public History history() {
      return computation.history;
    }

    @Override
    public dev.rankgauge.Distributor distributor() {
      return computation.org.distributor(v);
    }

    @Override
    public BigDecimal personalVolume() {
      return computation.units.decimal(computation.personalVolume[v]);
    }

    @Override
    public BigDecimal personalVolume(String volumeType) {
      if (volumeType.equals(computation.plan.qualifyingVolumeType())) {
        return personalVolume();
      }
      return ResultAssembler.personalVolumeOfType(computation, v, volumeType);
    }

    @Override
    public BigDecimal groupVolume() {
      return computation.units.decimal(computation.groupVolume[v]);
    }

    @Override
    public boolean active() {
      return computation.active[v];
    }

    @Override
    public List<CustomerView> personalCustomers() {
      Organisation o = computation.org;
      List<CustomerView> out = new ArrayList<>();
      for (int k = o.customersFrom(v), to = o.customersTo(v); k < to; k++) {
        int c = o.customerIn(k);
        out.add(new CustomerView(o.customer(c), computation.customerActive[c], computation.units.decimal(computation.customerVolume[c])));
      }
      out.sort(Comparator.comparing(c -> c.customer().id()));
      return List.copyOf(out);
    }

    @Override
    public List<DownlineView> sponsoredDistributors() {
      Organisation o = computation.org;
      List<DownlineView> out = new ArrayList<>();
      for (int i = o.childrenFrom(v), toi = o.childrenTo(v); i < toi; i++) {
        out.add(view(o.child(i)));
      }
      out.sort(Comparator.comparing(d -> d.distributor().id()));
      return List.copyOf(out);
    }

    @Override
    public List<LegView> legs() {
      Organisation o = computation.org;
      List<LegView> out = new ArrayList<>();
      for (int i = o.childrenFrom(v), toi = o.childrenTo(v); i < toi; i++) {
        int c = o.child(i);
        out.add(new LegView(view(c), computation.units.decimal(computation.groupVolume[c]),
            computation.plan.ranks().get(computation.subtreeRank[c]), computation.subtreeActive[c]));
      }
      out.sort(Comparator.comparing(l -> l.root().distributor().id()));
      return List.copyOf(out);
    }

    private DownlineView view(int c) {
      return new DownlineView(computation.org.distributor(c), computation.plan.ranks().get(computation.paidAs[c]),
          computation.units.decimal(computation.personalVolume[c]), computation.units.decimal(computation.groupVolume[c]), computation.active[c]);
    }
  }
}
