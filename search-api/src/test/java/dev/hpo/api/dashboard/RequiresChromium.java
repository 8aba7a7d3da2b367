package dev.hpo.api.dashboard;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class, before its service starts, when this machine has no Chromium or chromedriver, and
 * says so on the console as well as in the test report.
 */
public class RequiresChromium implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return HeadlessChromium.unavailableReason()
                .map(reason -> {
                    String message = context.getDisplayName() + " skipped: " + reason;
                    if (context.getTestMethod().isEmpty()) {
                        System.err.println(message);
                    }
                    return ConditionEvaluationResult.disabled(message);
                })
                .orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and chromedriver are installed"));
    }
}
