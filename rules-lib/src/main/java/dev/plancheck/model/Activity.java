package dev.plancheck.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One record of the activity ledger: a meeting, a study session, a document, a visit, a disaster, a donation…
 *
 * <p>What a record is is said by its {@code kind}; {@code topics} and {@code groups} say what it was about and
 * whom it concerned. The vocabulary of all three is fixed by the rule pack and checked when a submission is read.
 * Instances are immutable; build them with {@link #builder(String)}.
 */
public final class Activity {
    private final String id;
    private final String unitId;
    private final String kind;
    private final LocalDate date;
    private final LocalDate endDate;
    private final String title;
    private final Set<String> topics;
    private final Set<String> groups;
    private final Integer participants;
    private final BigDecimal amount;
    private final String relatesTo;
    private final String honourLevel;
    private final String organiser;
    private final String description;
    private final String location;

    private Activity(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.unitId = Objects.requireNonNull(b.unitId, "unitId");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.date = Objects.requireNonNull(b.date, "date");
        this.endDate = b.endDate;
        this.title = Objects.requireNonNull(b.title, "title");
        this.topics = Set.copyOf(b.topics);
        this.groups = Set.copyOf(b.groups);
        this.participants = b.participants;
        this.amount = b.amount;
        this.relatesTo = b.relatesTo;
        this.honourLevel = b.honourLevel;
        this.organiser = b.organiser;
        this.description = b.description;
        this.location = b.location;
    }

    /** Starts a record with the given id. Example: {@code Activity.builder("a1").unitId("DC").kind("special-meeting")…build()}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String getId() {
        return id;
    }

    public String getUnitId() {
        return unitId;
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getDate() {
        return date;
    }

    /** The last day of a multi-day activity, or {@code null} for a one-day one. */
    public LocalDate getEndDate() {
        return endDate;
    }

    /** The last day the activity ran: its end date, or its date when it lasted one day. */
    public LocalDate getLastDate() {
        return endDate == null ? date : endDate;
    }

    public String getTitle() {
        return title;
    }

    public Set<String> getTopics() {
        return topics;
    }

    public Set<String> getGroups() {
        return groups;
    }

    public Integer getParticipants() {
        return participants;
    }

    /** A sum of money in yuan (donations raised or used), or {@code null}. */
    public BigDecimal getAmount() {
        return amount;
    }

    /** True when the record states a sum of money greater than zero: a drive that raised nothing was not held. */
    public boolean isPositiveAmount() {
        return amount != null && amount.signum() > 0;
    }

    /** The id of the record this one answers (a relief names its disaster), or {@code null}. */
    public String getRelatesTo() {
        return relatesTo;
    }

    public String getHonourLevel() {
        return honourLevel;
    }

    /**
     * The body that organised the activity (e.g. {@code union}, {@code womens-federation}), or {@code null}. The
     * duties of §7–§10 belong to one body each and count only its own records.
     */
    public String getOrganiser() {
        return organiser;
    }

    public String getDescription() {
        return description;
    }

    /**
     * Where the record was read from, as a person finds it: {@code ledger.json:123:5} or {@code 台账.xlsx: 活动!A12};
     * {@code null} for a record built in code. Only notices that point at the record show it; it takes no part in
     * judging the record.
     */
    public String getLocation() {
        return location;
    }

    /**
     * A builder holding this record's fields, for a changed copy: {@code a.toBuilder().organiser("union").build()}.
     */
    public Builder toBuilder() {
        return new Builder(id).unitId(unitId).kind(kind).date(date).endDate(endDate).title(title).topics(topics)
                .groups(groups).participants(participants).amount(amount).relatesTo(relatesTo).honourLevel(honourLevel)
                .organiser(organiser).description(description).location(location);
    }

    @Override
    public String toString() {
        return id + " " + date + " " + title;
    }

    /** Builder of {@link Activity}; {@code unitId}, {@code kind}, {@code date} and {@code title} are required. */
    public static final class Builder {
        private final String id;
        private String unitId;
        private String kind;
        private LocalDate date;
        private LocalDate endDate;
        private String title;
        private Set<String> topics = Set.of();
        private Set<String> groups = Set.of();
        private Integer participants;
        private BigDecimal amount;
        private String relatesTo;
        private String honourLevel;
        private String organiser;
        private String description;
        private String location;

        private Builder(String id) {
            this.id = id;
        }

        public Builder unitId(String v) { this.unitId = v; return this; }
        public Builder kind(String v) { this.kind = v; return this; }
        public Builder date(LocalDate v) { this.date = v; return this; }
        public Builder endDate(LocalDate v) { this.endDate = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder topics(Set<String> v) { this.topics = v; return this; }
        public Builder groups(Set<String> v) { this.groups = v; return this; }
        public Builder participants(Integer v) { this.participants = v; return this; }
        public Builder amount(BigDecimal v) { this.amount = v; return this; }
        public Builder relatesTo(String v) { this.relatesTo = v; return this; }
        public Builder honourLevel(String v) { this.honourLevel = v; return this; }
        public Builder organiser(String v) { this.organiser = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        /** Where the record was read from; see {@link Activity#getLocation()}. */
        public Builder location(String v) { this.location = v; return this; }

        public Activity build() {
            return new Activity(this);
        }
    }
}
