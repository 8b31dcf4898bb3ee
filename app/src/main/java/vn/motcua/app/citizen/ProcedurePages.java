package vn.motcua.app.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.motcua.agency.Agency;
import vn.motcua.app.agency.AgencyDirectory;
import vn.motcua.app.page.Languages;
import vn.motcua.calendar.DueDateRule;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.engine.EngineClock;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.procedure.ProcedureCatalog.DeployedProcedure;
import vn.motcua.procedure.ProcedureDescriptor;
import vn.motcua.procedure.ServiceLevel;
import vn.motcua.text.VietnameseText;

/**
 * The citizen's way in: the procedure catalogue at {@code /} (search with or without diacritics, browse by field and
 * by agency), a procedure's page ({@code /thu-tuc/{key}}) and its online submission ({@code /thu-tuc/{key}/nop}).
 */
@Controller
class ProcedurePages {

    private final ProcedureCatalog catalog;
    private final AgencyDirectory agencies;
    private final DueDateRule dueDates;
    private final DocumentProperties documents;
    private final Clock clock;

    ProcedurePages(
            ProcedureCatalog catalog,
            AgencyDirectory agencies,
            DueDateRule dueDates,
            DocumentProperties documents,
            Clock clock) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.dueDates = dueDates;
        this.documents = documents;
        this.clock = clock;
    }

    /** A procedure as the catalogue shows it, in the visitor's language, with its due date if submitted now. */
    record ProcedureCard(
            String key,
            String nationalCode,
            String name,
            String field,
            String timeLimit,
            boolean fullOnline,
            String serviceLevel,
            Instant dueIfSubmittedNow,
            ProcedureDescriptor descriptor) {}

    @GetMapping("/")
    String catalogue(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "linh-vuc", required = false) String field,
            @RequestParam(name = "co-quan", required = false) String agencyCode,
            Locale locale,
            Model model) {
        List<DeployedProcedure> all = catalog.latest();
        Optional<Agency> agency =
                Optional.ofNullable(agencyCode).filter(c -> !c.isBlank()).flatMap(agencies::find);
        String folded = query == null ? "" : fold(query);
        List<ProcedureCard> shown = all.stream()
                .filter(p -> folded.isEmpty() || matches(p.descriptor(), folded))
                .filter(p -> field == null
                        || field.isBlank()
                        || field.equals(p.descriptor().field()))
                .filter(p -> agency.isEmpty() || handles(agency.get(), p.descriptor()))
                .map(p -> card(p, locale))
                .sorted(Comparator.comparing(ProcedureCard::name))
                .toList();
        model.addAttribute("procedures", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("field", field == null ? "" : field);
        model.addAttribute("agencyCode", agency.map(Agency::code).orElse(""));
        model.addAttribute("agency", agency.orElse(null));
        model.addAttribute(
                "fields",
                all.stream()
                        .map(p -> p.descriptor().field())
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        model.addAttribute("agencies", desks());
        return "citizen/catalogue";
    }

    @GetMapping("/thu-tuc/{key}")
    String procedure(@PathVariable String key, Locale locale, Model model) {
        DeployedProcedure procedure = known(key);
        model.addAttribute("p", card(procedure, locale));
        return "citizen/procedure";
    }

    @GetMapping("/thu-tuc/{key}/nop")
    String submission(@PathVariable String key, Locale locale, Model model) {
        DeployedProcedure procedure = known(key);
        ProcedureDescriptor d = procedure.descriptor();
        model.addAttribute("p", card(procedure, locale));
        model.addAttribute("desks", desksFor(d));
        model.addAttribute("maxFileBytes", documents.maxFileSize().toBytes());
        return "citizen/submit";
    }

    private DeployedProcedure known(String key) {
        return catalog.latest(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ProcedureCard card(DeployedProcedure p, Locale locale) {
        ProcedureDescriptor d = p.descriptor();
        boolean english = Languages.isEnglish(locale);
        String timeLimit = english
                ? (d.timeLimit().days() == 0
                        ? "the same working day"
                        : d.timeLimit().days() + " "
                                + d.timeLimit()
                                        .kind()
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .replace("working", "working days")
                                        .replace("calendar", "days"))
                : d.timeLimit().describeVi();
        Instant due = dueDates.due(
                clock.instant(), d.timeLimit().days(), d.timeLimit().kind());
        return new ProcedureCard(
                d.key(),
                d.nationalCode(),
                Languages.pick(locale, d.name().vi(), d.name().en()),
                d.field(),
                timeLimit,
                d.serviceLevel() == ServiceLevel.FULL_ONLINE,
                Languages.pick(
                        locale, d.serviceLevel().nameVi(), d.serviceLevel().nameEn()),
                due,
                d);
    }

    /** Search matches the name in either language, the field or the national code, with or without diacritics. */
    private static boolean matches(ProcedureDescriptor d, String foldedQuery) {
        String haystack = fold(d.name().vi() + " " + d.name().en() + " " + d.field() + " " + d.nationalCode());
        for (String word : foldedQuery.split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String fold(String text) {
        return VietnameseText.fold(text).toLowerCase(Locale.ROOT).strip();
    }

    /** An agency offers a procedure when it is of the level that decides it, or receives it anywhere at its desk. */
    private static boolean handles(Agency agency, ProcedureDescriptor d) {
        return agency.level() == d.agencyLevel() || (d.receivingAnywhere() && agency.hasDesk());
    }

    private List<Agency> desks() {
        LocalDate today = LocalDate.now(clock.withZone(EngineClock.VIETNAM));
        return agencies.all().stream()
                .filter(a -> a.hasDesk() && a.activeOn(today))
                .sorted(Comparator.comparing(Agency::name))
                .toList();
    }

    /**
     * The desks that may receive the procedure online: any desk when the province's one agency of its level decides
     * it and any desk receives it (the criminal record certificate: the citizen's own commune desk takes it in for
     * the provincial police); else those of the level that decides it, or any desk when that level has none.
     */
    private List<Agency> desksFor(ProcedureDescriptor d) {
        List<Agency> desks = desks();
        if (d.receivingAnywhere() && d.competentAgency() == ProcedureDescriptor.CompetentAgency.PROVINCIAL) {
            return desks;
        }
        List<Agency> deciding =
                desks.stream().filter(a -> a.level() == d.agencyLevel()).toList();
        return deciding.isEmpty() && d.receivingAnywhere() ? desks : deciding;
    }
}
