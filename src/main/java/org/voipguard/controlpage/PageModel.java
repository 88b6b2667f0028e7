package org.voipguard.controlpage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.voipguard.config.VoipGuardProperties;

/** What every page's template has: the formats and who is logged in. */
@ControllerAdvice(basePackageClasses = PageModel.class)
@ConditionalOnWebApplication
class PageModel {

    private final PageFormat format;

    PageModel(VoipGuardProperties properties) {
        this.format = new PageFormat(properties.timeZone());
    }

    @ModelAttribute("fmt")
    PageFormat format() {
        return format;
    }

    @ExceptionHandler(BadPageParameterException.class)
    ModelAndView badParameter(BadPageParameterException problem) {
        ModelAndView page = new ModelAndView("problem", HttpStatus.BAD_REQUEST);
        page.addObject("problem", problem.getMessage());
        page.addObject("fmt", format);
        return page;
    }

    @ModelAttribute("userName")
    String userName(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }
}
