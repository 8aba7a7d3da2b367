package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.cli.api.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the JSON files users hand to the CLI, with errors that name the file and the place. */
final class JsonFiles {

    private JsonFiles() {
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(2, file + ": no such file");
        } catch (IOException e) {
            throw new CliException(2, file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    static JsonNode read(ObjectMapper json, Path file) {
        String text = text(file);
        try {
            return json.readTree(text);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() : "";
            throw new CliException(2, file + ": not valid JSON" + where);
        }
    }
}
