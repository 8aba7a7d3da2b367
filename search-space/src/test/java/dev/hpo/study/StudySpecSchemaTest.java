package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The study spec's JSON schema, which the API's OpenAPI document serves as the body of {@code POST /api/studies},
 * held to the parser that judges every spec: each object of the schema names exactly the fields the parser
 * accepts there and requires those it requires, and every spec the project ships is valid under it.
 */
class StudySpecSchemaTest {

    private static final String RESOURCE = "dev/hpo/study/study-spec.schema.json";
    private static final String UNKNOWN_FIELD = "unknown field; expected one of ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:" + RESOURCE));

    /**
     * Where each object of the schema sits in a spec, and how to put another object there.
     *
     * @param given fields the place fills in itself (a parameter's name and type), so the parser goes on to ask for the
     *              rest
     */
    record Place(String definition, String path, BiConsumer<ObjectNode, ObjectNode> put, Set<String> given) {

        Place(String definition, String path, BiConsumer<ObjectNode, ObjectNode> put) {
            this(definition, path, put, Set.of());
        }

        @Override
        public String toString() {
            return definition;
        }
    }

    static Stream<Place> places() {
        return Stream.of(
                new Place("StudySpec", "", (spec, o) -> {
                    spec.removeAll();
                    spec.setAll(o);
                }),
                new Place("Objective", "objectives[0]", (spec, o) -> spec.putArray("objectives").add(o)),
                new Place("Constraint", "constraints[0]", (spec, o) -> spec.putArray("constraints").add(o)),
                new Place("AlgorithmSettings", "algorithm", (spec, o) -> spec.set("algorithm", o)),
                new Place("EarlyStopping", "algorithm.earlyStopping",
                        (spec, o) -> ((ObjectNode) spec.get("algorithm")).set("earlyStopping", o)),
                new Place("Budget", "budget", (spec, o) -> spec.set("budget", o)),
                new Place("ArtifactSettings", "artifacts", (spec, o) -> spec.set("artifacts", o)),
                new Place("Fidelity", "fidelity", (spec, o) -> spec.set("fidelity", o)),
                new Place("Confirmation", "confirm", (spec, o) -> spec.set("confirm", o)),
                new Place("TrialSettings", "trialSettings", (spec, o) -> spec.set("trialSettings", o)),
                new Place("DatasetSettings", "trialSettings.dataset",
                        (spec, o) -> ((ObjectNode) spec.get("trialSettings")).set("dataset", o)),
                new Place("ModelSettings", "trialSettings.model",
                        (spec, o) -> ((ObjectNode) spec.get("trialSettings")).set("model", o)),
                new Place("TrainingOptions", "trialSettings.training",
                        (spec, o) -> ((ObjectNode) spec.get("trialSettings")).set("training", o)),
                parameter("FloatParameter", "float"),
                parameter("IntParameter", "int"),
                parameter("CategoricalParameter", "categorical"),
                parameter("FixedParameter", "fixed"));
    }

    private static Place parameter(String definition, String type) {
        return new Place(definition, "parameters[0]",
                (spec, o) -> spec.putArray("parameters").add(o.put("name", "p").put("type", type)),
                Set.of("name", "type"));
    }

    @ParameterizedTest
    @MethodSource("places")
    void eachObjectNamesTheFieldsTheParserAcceptsAndRequires(Place place) throws IOException {
        JsonNode definition = definition(place.definition());
        List<FieldError> errors = errorsWith(place, JSON.createObjectNode().put("surplus", 1));

        String expected = errors.stream().filter(e -> e.path().equals(field(place.path(), "surplus")))
                .map(FieldError::message).filter(m -> m.startsWith(UNKNOWN_FIELD)).findFirst()
                .orElseThrow(() -> new AssertionError("the parser did not refuse an unknown field: " + errors));
        Set<String> accepted = new HashSet<>(Arrays.asList(expected.substring(UNKNOWN_FIELD.length()).split(", ")));
        Set<String> required = new HashSet<>(place.given());
        errors.stream().filter(e -> e.message().equals("is required")).map(FieldError::path)
                .filter(p -> p.startsWith(field(place.path(), "")))
                .forEach(p -> required.add(p.substring(field(place.path(), "").length())));

        assertThat(names(definition.get("properties"))).as("fields").isEqualTo(accepted);
        assertThat(names(definition.path("required"))).as("required fields").isEqualTo(required);
        assertThat(definition.get("additionalProperties").asBoolean(true)).as("other fields allowed").isFalse();
    }

    @Test
    void everyClosedObjectOfTheSchemaIsHeldToTheParser() throws IOException {
        JsonNode schema = schema();
        Set<String> closed = new HashSet<>();
        schema.get("$defs").fields().forEachRemaining(d -> {
            if (d.getValue().path("additionalProperties").isBoolean()) {
                closed.add(d.getKey());
            }
        });
        closed.add("StudySpec");

        assertThat(places().map(Place::definition)).containsExactlyInAnyOrderElementsOf(closed);
    }

    @ParameterizedTest
    @MethodSource("dev.hpo.study.ExamplesTest#examples")
    void everyExampleAndItsWrittenFormAreValid(Path file) throws IOException {
        JsonNode example = JSON.readTree(Files.readString(file));
        JsonNode written = JSON.readTree(StudySpecWriter.toJson(StudySpecParser.parse(example)));

        assertThat(SCHEMA.validate(example)).as(file.toString()).isEmpty();
        assertThat(SCHEMA.validate(written)).as("written " + file).isEmpty();
    }

    @Test
    void aSpecWithoutTrialSettingsIsValid() {
        ObjectNode spec = StudySpecParserTest.valid();
        spec.remove("trialSettings");

        assertThat(SCHEMA.validate(spec)).isEmpty();
    }

    @Test
    void refusesWhatTheParserRefuses() {
        Map<String, Consumer<ObjectNode>> mistakes = Map.of(
                "an unknown field", spec -> spec.put("colour", "blue"),
                "a misspelt goal", spec -> ((ObjectNode) spec.withArray("objectives").get(0)).put("goal", "LOWER"),
                "a bound that is neither a number nor baseline",
                        spec -> ((ObjectNode) spec.withArray("constraints").get(0)).put("min", "base"),
                "values on a float parameter", spec -> StudySpecParserTest.param(spec, 0).putArray("values").add(1),
                "a parameter of no known type", spec -> StudySpecParserTest.param(spec, 0).put("type", "complex"),
                "an object as a categorical value", spec -> {
                    ObjectNode parameter = StudySpecParserTest.param(spec, 0).put("type", "categorical");
                    parameter.remove(List.of("min", "max"));
                    parameter.putArray("values").addObject();
                },
                "no parameters", spec -> spec.putArray("parameters"),
                "a training option of the wrong type",
                        spec -> ((ObjectNode) spec.get("trialSettings").get("training")).put("flip", "yes"),
                "a dataset folder that climbs out of the data roots", spec -> ((ObjectNode) spec.get("trialSettings")
                        .get("dataset")).put("directory", "fashion-mnist/../../etc"));
        List<String> accepted = new ArrayList<>();
        mistakes.forEach((mistake, change) -> {
            ObjectNode spec = StudySpecParserTest.valid();
            change.accept(spec);
            assertThat(StudySpecParserTest.errors(change)).as(mistake).isNotEmpty();
            if (SCHEMA.validate(spec).isEmpty()) {
                accepted.add(mistake);
            }
        });

        assertThat(accepted).as("mistakes the schema lets through").isEmpty();
    }

    private static List<FieldError> errorsWith(Place place, ObjectNode object) {
        ObjectNode spec = StudySpecParserTest.valid();
        place.put().accept(spec, object);
        try {
            StudySpecParser.parse(spec);
            return List.of();
        } catch (InvalidSpecException e) {
            return e.errors();
        }
    }

    private static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static JsonNode definition(String name) throws IOException {
        JsonNode schema = schema();
        return name.equals("StudySpec") ? schema : schema.get("$defs").get(name);
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = StudySpecSchemaTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return JSON.readTree(in);
        }
    }
}
