package vn.motcua.app.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * A rate another feature adds to the leader's dashboard, per agency and month: the share of dossiers paid online
 * (payment) or the citizens' satisfaction (ratings). Implement it as a Spring bean; the dashboard draws each as a bar
 * chart with its table, limited to the user's agencies like everything else there.
 */
public interface DashboardRates {

    String titleVi();

    String titleEn();

    /** Rows of months within {@code from}..{@code to} (Vietnam dates, inclusive), for every agency. */
    List<Rate> between(LocalDate from, LocalDate to);

    /**
     * @param month    {@code yyyy-MM}
     * @param counted  how many dossiers (or ratings) the rate is over
     * @param rate     0..1, null when nothing was counted
     */
    record Rate(String agencyCode, String month, long counted, Double rate) {}
}
