package vn.motcua.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarYear;
import vn.motcua.dossier.DossierChanges;

/**
 * When the working-day calendar differs from the one the stored due dates were computed with (a
 * holiday added, a swap announced, a province's file replaced), recomputes the due moment of every
 * open dossier and moves its pending warning and escalation timers. Runs once at start-up, in one
 * transaction that locks the {@code calendar_state} row, so one node of a cluster does it.
 */
@Component
public class DeadlineRecalculation implements ApplicationListener<ContextRefreshedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRecalculation.class);

    private final DossierDeadlines dossierDeadlines;
    private final DeadlineRepository deadlines;
    private final DossierChanges changes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean done = new AtomicBoolean();

    public DeadlineRecalculation(
            DossierDeadlines dossierDeadlines,
            DeadlineRepository deadlines,
            DossierChanges changes,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.dossierDeadlines = dossierDeadlines;
        this.deadlines = deadlines;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (done.compareAndSet(false, true)) {
            recalculateIfCalendarChanged();
        }
    }

    /** @return how many dossiers got a new due moment */
    public int recalculateIfCalendarChanged() {
        return transaction.execute(status -> {
            String fingerprint = dossierDeadlines.rule().calendar().fingerprint();
            Optional<String> applied = deadlines.lockCalendarFingerprint();
            int moved = 0;
            if (applied.isPresent() && !applied.get().equals(fingerprint)) {
                moved = recalculate();
                log.info(
                        "The working-day calendar changed: recalculated the due dates of open dossiers, {} moved",
                        moved);
            }
            if (applied.isEmpty() || !applied.get().equals(fingerprint)) {
                deadlines.saveCalendarFingerprint(
                        fingerprint,
                        dossierDeadlines.rule().calendar().years().stream()
                                .map(CalendarYear::year)
                                .map(String::valueOf)
                                .collect(Collectors.joining(",")),
                        clock.instant());
            }
            return moved;
        });
    }

    private int recalculate() {
        Instant now = clock.instant();
        int moved = 0;
        for (DeadlineRepository.Deadline deadline : deadlines.openDossiersForUpdate()) {
            Instant due = dossierDeadlines.recompute(deadline);
            if (!due.equals(deadline.dueAt())) {
                log.info("Dossier {}: due {} → {}", deadline.code(), deadline.dueAt(), due);
                dossierDeadlines.move(deadline, due, now);
                changes.changed(deadline.code());
                moved++;
            }
        }
        return moved;
    }
}
