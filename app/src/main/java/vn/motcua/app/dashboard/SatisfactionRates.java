package vn.motcua.app.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.stats.SatisfactionStatistics;

/** The citizens' satisfaction (Quyết định 766/QĐ-TTg) on the dashboard: the share of satisfied ratings. */
@Component
class SatisfactionRates implements DashboardRates {

    private final SatisfactionStatistics statistics;

    SatisfactionRates(SatisfactionStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public String titleVi() {
        return "Mức độ hài lòng của người dân theo cơ quan";
    }

    @Override
    public String titleEn() {
        return "Citizens' satisfaction by agency";
    }

    @Override
    public List<Rate> between(LocalDate from, LocalDate to) {
        return statistics.between(from, to).stream()
                .map(r -> new Rate(r.agencyCode(), r.month(), r.rated(), r.satisfactionRate()))
                .toList();
    }
}
