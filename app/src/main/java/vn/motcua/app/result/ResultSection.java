package vn.motcua.app.result;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.app.clerk.DossierSection;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;

/** The clerk's dossier view: print the signed result at the desk, once it exists. */
@Component
class ResultSection implements DossierSection {

    private final DossierRepository dossiers;

    ResultSection(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleVi() {
        return "Kết quả điện tử";
    }

    @Override
    public String titleEn() {
        return "Electronic result";
    }

    @Override
    public List<Line> lines(Dossier dossier) {
        return dossiers.signedResults(dossier.id()).stream()
                .reduce((first, second) -> second)
                .map(doc -> List.of(Line.link(
                        "Kết quả đã ký số / Signed result",
                        doc.fileName(),
                        "/api/dossiers/" + dossier.code() + "/result?print=true")))
                .orElse(List.of());
    }
}
