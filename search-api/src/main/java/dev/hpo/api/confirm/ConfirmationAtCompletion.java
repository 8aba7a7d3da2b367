package dev.hpo.api.confirm;

import dev.hpo.api.study.StudyCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the confirmation runs a study's spec asks for ({@code "confirm"}) when its search completes. */
@Component
class ConfirmationAtCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationAtCompletion.class);

    private final Confirmations confirmations;

    ConfirmationAtCompletion(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @EventListener
    void onCompletion(StudyCompleted event) {
        int created = confirmations.confirmAsSpecified(event.studyId());
        if (created > 0) {
            LOG.info("study {} completed its search; {} confirmation runs wait for workers", event.studyId(),
                    created);
        }
    }
}
