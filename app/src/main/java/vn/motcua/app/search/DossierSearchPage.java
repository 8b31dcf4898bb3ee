package vn.motcua.app.search;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.app.web.InvalidParameterException;

/**
 * The clerks' search page {@code /can-bo/tim-kiem}: the same search as {@code GET /api/dossiers} (same parameters,
 * same checks, same agency filter), rendered on the server as a form, facets with counts and a list of results, so
 * it works without scripts and weighs little on a slow connection.
 */
@Controller
class DossierSearchPage {

    private final DossierSearchController api;

    DossierSearchPage(DossierSearchController api) {
        this.api = api;
    }

    @GetMapping("/can-bo/tim-kiem")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> procedure,
            @RequestParam(required = false) String late,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "0") String page,
            Principal user,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("status", status == null ? List.of() : status);
        model.addAttribute("procedure", procedure == null ? List.of() : procedure);
        model.addAttribute("late", late);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("cbfmt", vn.motcua.app.clerk.PageFormat.INSTANCE);
        try {
            DossierSearchResult result =
                    api.search(q, status, procedure, null, blankToNull(late), from, to, null, null, page, "20", user);
            model.addAttribute("result", result);
            int pageNumber = Integer.parseInt(page.trim());
            model.addAttribute("page", pageNumber);
            model.addAttribute("hasNext", (long) (pageNumber + 1) * 20 < result.total());
        } catch (InvalidParameterException e) {
            model.addAttribute("error", e.getMessage());
        } catch (SearchUnavailableException e) {
            model.addAttribute("unavailable", true);
        }
        return "can-bo/tim-kiem";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
