package dev.hpo.cli.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.cli.api.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the JSON files users hand to the CLI, with errors that name the file and the place. */
final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(CliException.USAGE, file + ": no such file");
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    static JsonNode read(Path file) {
        String text = text(file);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() : "";
            throw new CliException(CliException.USAGE, file + ": not valid JSON" + where);
        }
    }

    /** A JSON object's fields as plain values, in the file's order. */
    static Map<String, Object> values(JsonNode object) {
        return JSON.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
