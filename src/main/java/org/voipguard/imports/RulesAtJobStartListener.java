package org.voipguard.imports;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;
import org.voipguard.rules.ActiveRuleBook;

/**
 * Compiles the rules directory when a job starts, before a line is read: an analyst's edit
 * takes effect without a rebuild, and a rule that does not compile stops the job at once.
 * Every step of the job execution then uses this rule set ({@link ActiveRuleBook#ofJob}).
 */
@Component
public class RulesAtJobStartListener implements JobExecutionListener {

    private final ActiveRuleBook rules;

    public RulesAtJobStartListener(ActiveRuleBook rules) {
        this.rules = rules;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(ActiveRuleBook.JOB_CONTEXT_KEY, rules.current().version());
    }
}
