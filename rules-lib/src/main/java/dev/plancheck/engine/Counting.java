package dev.plancheck.engine;

import dev.plancheck.pack.LoadedPack;
import dev.plancheck.model.Activity;
import dev.plancheck.model.DateRange;
import dev.plancheck.model.Period;
import dev.plancheck.pack.SpanLimit;
import dev.plancheck.model.Vocabulary;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether one candidate record counts for one part of a duty, decided the same way for every rule: in which period a
 * record counts (where it starts; a multi-day record up to the pack's longest span also where it runs, in one period
 * of a series only), and whether it was done at all (an activity with 0 participants was not held, a payment of 0
 * yuan was not made; a paper is not an activity where a duty asks for one).
 */
final class Counting {
    /** Why a candidate does or does not count. */
    enum Verdict {
        /** It counts. */
        COUNTS,
        /** A plan, a notice, a census…: not an activity, where the duty asks for one. */
        NOT_ACTIVITY,
        /** An activity that states 0 participants: nobody took part. */
        NOBODY,
        /** A record about money that states 0 yuan. */
        NO_MONEY,
        /** It neither starts nor (within the longest span) runs in the period. */
        OUTSIDE,
        /** It runs in the period but started before it and lasted longer than the longest span that counts. */
        TOO_LONG
    }

    private final Vocabulary vocabulary;
    private final SpanLimit longestSpan;
    private final Map<String, List<Period>> bySeries;

    Counting(LoadedPack pack) {
        this.vocabulary = pack.ruleSet().vocabulary();
        this.longestSpan = pack.parameters().longestSpan();
        this.bySeries = pack.periods().stream().filter(p -> p.getSeries() != null)
                .collect(Collectors.groupingBy(Period::getSeries));
    }

    /** The longest span that counts, or {@code null} when records count only where they start. */
    SpanLimit longestSpan() {
        return longestSpan;
    }

    /**
     * @param activitiesOnly true for a duty to hold an activity: only kinds the vocabulary marks {@code activity} count
     */
    Verdict judge(Period period, Activity a, boolean activitiesOnly) {
        Verdict when = when(period, a);
        if (when != Verdict.COUNTS) {
            return when;
        }
        Vocabulary.Kind kind = vocabulary.kinds().get(a.getKind());
        if (activitiesOnly && (kind == null || !kind.activity())) {
            return Verdict.NOT_ACTIVITY;
        }
        if (kind != null && kind.activity() && a.getParticipants() != null && a.getParticipants() == 0) {
            return Verdict.NOBODY;
        }
        if (kind != null && kind.money() && a.getAmount() != null && a.getAmount().signum() == 0) {
            return Verdict.NO_MONEY;
        }
        return Verdict.COUNTS;
    }

    /**
     * {@link Verdict#COUNTS} when the record counts in the period by its dates. It counts where it starts. A record
     * of several days that started before the period and runs into it counts there too when it lasted no longer than
     * the longest span, but in one period of a series only: where it starts if that is one of them, otherwise the
     * first of them it runs in. A follow-up (a period that answers a trigger) must start within its days.
     */
    private Verdict when(Period period, Activity a) {
        if (period.covers(a)) {
            return Verdict.COUNTS;
        }
        if (period.getTriggerId() != null || a.getEndDate() == null || a.getEndDate().equals(a.getDate())
                || !runsIn(period, a)) {
            return Verdict.OUTSIDE;
        }
        if (longestSpan == null) {
            return Verdict.OUTSIDE;
        }
        List<Period> series = period.getSeries() == null ? List.of(period)
                : bySeries.getOrDefault(period.getSeries(), List.of(period));
        if (series.stream().anyMatch(p -> p.covers(a))) {
            return Verdict.OUTSIDE;
        }
        if (ChronoUnit.DAYS.between(a.getDate(), a.getEndDate()) + 1 > longestSpan.days()) {
            return Verdict.TOO_LONG;
        }
        Period first = series.stream().filter(p -> runsIn(p, a)).min(Comparator.comparing(Period::getOpens)).orElse(period);
        if (!first.getId().equals(period.getId())) {
            return Verdict.OUTSIDE;
        }
        return Verdict.COUNTS;
    }

    private static boolean runsIn(Period period, Activity a) {
        for (DateRange r : period.getRanges()) {
            if (r.overlaps(a.getDate(), a.getLastDate())) {
                return true;
            }
        }
        return false;
    }

    /** The kind's Chinese name. */
    String kindName(Activity a) {
        return vocabulary.nameOf(a.getKind());
    }
}
