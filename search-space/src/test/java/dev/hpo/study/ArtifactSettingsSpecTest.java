package dev.hpo.study;

import static dev.hpo.study.StudySpecParserTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ArtifactSettingsSpecTest {

    @Test
    void aSpecWithoutArtifactsKeepsNone() {
        StudySpec spec = StudySpecParser.parse(StudySpecParserTest.valid().toString());

        assertThat(spec.artifacts()).isEqualTo(ArtifactSettings.none());
        assertThat(spec.artifacts().keepsAny()).isFalse();
        assertThat(StudySpecWriter.toTree(spec).has("artifacts")).isFalse();
    }

    @Test
    void keepIsReadAndWrittenBack() {
        ObjectNode json = StudySpecParserTest.valid();
        json.putObject("artifacts").put("keep", 3);

        StudySpec spec = StudySpecParser.parse(json.toString());

        assertThat(spec.artifacts().keep()).isEqualTo(3);
        assertThat(StudySpecParser.parse(StudySpecWriter.toJson(spec))).isEqualTo(spec);
    }

    @Test
    void keepOutOfRangeMissingOrMistypedIsRefusedByName() {
        assertThat(errors(s -> s.putObject("artifacts").put("keep", 0)))
                .containsExactly(new FieldError("artifacts.keep", "must be in [1, 100], got 0"));
        assertThat(errors(s -> s.putObject("artifacts").put("keep", 101)))
                .containsExactly(new FieldError("artifacts.keep", "must be in [1, 100], got 101"));
        assertThat(errors(s -> s.putObject("artifacts").put("keep", "two")))
                .extracting(FieldError::path).containsExactly("artifacts.keep");
        assertThat(errors(s -> s.putObject("artifacts")))
                .containsExactly(new FieldError("artifacts.keep", "is required"));
        assertThat(errors(s -> s.putObject("artifacts").put("keep", 2).put("every", true)))
                .extracting(FieldError::path).containsExactly("artifacts.every");
        assertThat(errors(s -> s.put("artifacts", 2)))
                .extracting(FieldError::path).containsExactly("artifacts");
    }
}
