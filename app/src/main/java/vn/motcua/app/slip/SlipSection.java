package vn.motcua.app.slip;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.app.clerk.DossierSection;
import vn.motcua.dossier.Dossier;
import vn.motcua.slip.DossierSlips;
import vn.motcua.slip.Slip;

/** The clerk's dossier view: print each slip kept with the dossier, and the process control slip (Mẫu 05). */
@Component
class SlipSection implements DossierSection {

    private final DossierSlips slips;

    SlipSection(DossierSlips slips) {
        this.slips = slips;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleVi() {
        return "Phiếu, giấy tờ để in";
    }

    @Override
    public String titleEn() {
        return "Slips to print";
    }

    @Override
    public List<Line> lines(Dossier dossier) {
        List<Line> lines = new ArrayList<>();
        slips.slips(dossier.id())
                .forEach(doc -> Slip.ofCode(doc.documentCode())
                        .ifPresent(slip -> lines.add(Line.link(
                                "Mẫu " + slip.form(),
                                slip.nameVi() + " / " + slip.nameEn(),
                                "/api/dossiers/" + dossier.code() + "/slips/" + doc.id()))));
        lines.add(Line.link(
                "Mẫu " + Slip.PROCESS_CONTROL.form(),
                Slip.PROCESS_CONTROL.nameVi() + " / " + Slip.PROCESS_CONTROL.nameEn(),
                "/api/dossiers/" + dossier.code() + "/control-slip"));
        return lines;
    }
}
