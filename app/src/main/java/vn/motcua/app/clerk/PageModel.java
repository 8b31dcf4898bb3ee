package vn.motcua.app.clerk;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every workspace template may use: {@code cbfmt} ({@link PageFormat}). */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @ModelAttribute("cbfmt")
    PageFormat fmt() {
        return PageFormat.INSTANCE;
    }
}
