package io.prodi.engine.change;

import io.prodi.run.RunFailure;

/** A change merge's failures in one form. */
final class ChangeMetrics {
  private ChangeMetrics() {}

  /** A merge's failure as a run failure: a tie raised inside it named, anything else in the table format's words. */
  static RunFailure failure(ChangeTarget target, Exception e) {
    return Conditions.tieIn(e).map(tie -> ChangeBatch.tie(target.shown(), tie)).orElseGet(() ->
        new RunFailure("Cannot apply changes to " + target.shown() + ": " + RunFailure.firstLine(e), e));
  }
}
