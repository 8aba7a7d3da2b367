package dev.hpo.api.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard is one page that routes in the browser; every address it can show is answered with that page, so
 * a study's address can be bookmarked, shared and reloaded.
 */
@Controller
class DashboardPages {

    @GetMapping({"/studies", "/studies/", "/studies/{studyId}"})
    String page() {
        return "forward:/index.html";
    }
}
