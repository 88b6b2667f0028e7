package org.voipguard.controlpage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.voipguard.users.UserAccounts;

/** The login form; Spring Security reads what it posts. With no user yet, it says how to add one. */
@Controller
@ConditionalOnWebApplication
class LoginController {

    private final UserAccounts accounts;

    LoginController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("noUsers", accounts.none());
        return "login";
    }
}
