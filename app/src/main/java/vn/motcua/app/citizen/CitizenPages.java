package vn.motcua.app.citizen;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.RedirectView;
import vn.motcua.dossier.DocumentProperties;

/**
 * The tracking page at {@code /tra-cuu/} (a template; its script asks the public API) and the folders of the static
 * signature check page (static/kiem-tra-chu-ky/), which answer with their index page.
 */
@Controller
class CitizenPages {

    private final DocumentProperties documents;

    CitizenPages(DocumentProperties documents) {
        this.documents = documents;
    }

    @GetMapping("/tra-cuu")
    RedirectView trackingFolder() {
        return new RedirectView("/tra-cuu/");
    }

    @GetMapping("/tra-cuu/")
    String tracking(Model model) {
        model.addAttribute("maxFileBytes", documents.maxFileSize().toBytes());
        return "citizen/tracking";
    }

    @GetMapping("/kiem-tra-chu-ky")
    RedirectView verificationFolder() {
        return new RedirectView("/kiem-tra-chu-ky/");
    }

    @GetMapping("/kiem-tra-chu-ky/")
    String verification() {
        return "forward:/kiem-tra-chu-ky/index.html";
    }
}
