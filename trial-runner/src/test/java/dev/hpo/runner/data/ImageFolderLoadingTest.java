package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoadingTest {

    @TempDir
    Path temp;

    private static DataSpec spec(Path directory, int trainPerClass, int valPerClass, long seed) {
        return new DataSpec(Dataset.FOLDER, Optional.of(directory.toString()), trainPerClass, valPerClass, seed);
    }

    /** An image whose top-left pixel encodes (class, index), so every image of a folder is distinct. */
    private static BufferedImage colourImage(int height, int width, int classIndex, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 20) & 0xff) << 16 | ((y * 20) & 0xff) << 8 | 128);
            }
        }
        image.setRGB(0, 0, (classIndex * 40) << 16 | (index * 9) << 8 | 7);
        return image;
    }

    private static void save(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code classes} class folders of {@code perClass} PNG images of 12x10. */
    private Path pngFolder(List<String> classes, int perClass) {
        Path root = temp.resolve("png");
        for (int c = 0; c < classes.size(); c++) {
            for (int i = 0; i < perClass; i++) {
                Path file = root.resolve(classes.get(c)).resolve(String.format("%03d.png", i));
                save(colourImage(12, 10, c, i), "png", file);
            }
        }
        return root;
    }

    @Test
    void nativeShapeComesFromTheFirstImage() throws IOException {
        Path root = pngFolder(List.of("cat", "dog"), 3);
        assertThat(TrialDataLoader.nativeShape(spec(root, 1, 1, 0))).isEqualTo(InputShape.of(3, 12, 10));

        Path grey = temp.resolve("grey");
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
        save(image, "png", grey.resolve("a/1.png"));
        save(image, "png", grey.resolve("b/1.png"));
        assertThat(TrialDataLoader.nativeShape(spec(grey, 1, 1, 0))).isEqualTo(InputShape.of(1, 5, 7));
    }

    @Test
    void splitsEachClassIntoDisjointTrainingAndValidationImages() {
        Path root = pngFolder(List.of("cat", "dog", "emu"), 8);

        TrialData data = TrialDataLoader.load(spec(root, 5, 3, 4), InputShape.of(3, 12, 10));

        assertThat(data.classNames()).containsExactly("cat", "dog", "emu");
        assertThat(FashionMnistLoadingTest.countsPerClass(data.train(), 3)).containsExactly(5, 5, 5);
        assertThat(FashionMnistLoadingTest.countsPerClass(data.validation(), 3)).containsExactly(3, 3, 3);
        Set<List<Float>> train = images(data.train());
        Set<List<Float>> validation = images(data.validation());
        assertThat(train).hasSize(15);
        assertThat(validation).hasSize(9);
        assertThat(train).doesNotContainAnyElementsOf(validation);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Path root = pngFolder(List.of("cat", "dog"), 10);
        InputShape shape = InputShape.of(3, 12, 10);

        TrialData first = TrialDataLoader.load(spec(root, 4, 2, 1), shape);
        TrialData again = TrialDataLoader.load(spec(root, 4, 2, 1), shape);
        TrialData other = TrialDataLoader.load(spec(root, 4, 2, 2), shape);

        assertThat(again.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(again.validation().pixels()).isEqualTo(first.validation().pixels());
        assertThat(images(other.train())).isNotEqualTo(images(first.train()));
    }

    @Test
    void readsJpegAndBringsOtherSizesAndGreyToTheNativeShape() throws IOException {
        Path root = temp.resolve("mixed");
        save(colourImage(16, 16, 0, 0), "jpg", root.resolve("a/0.jpg"));
        save(colourImage(32, 24, 0, 1), "jpeg", root.resolve("a/1.JPEG"));
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 3, 0, 200);
        save(grey, "png", root.resolve("b/0.png"));
        save(colourImage(16, 16, 1, 1), "png", root.resolve("b/1.png"));

        TrialData data = TrialDataLoader.load(spec(root, 1, 1, 0), InputShape.of(3, 8, 8));

        assertThat(data.train().shape()).isEqualTo(InputShape.of(3, 8, 8));
        assertThat(data.train().size()).isEqualTo(2);
        assertThat(data.validation().size()).isEqualTo(2);
    }

    @Test
    void greyImagesKeepTheirStoredValues() {
        Path root = temp.resolve("grey-values");
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 64);
        grey.getRaster().setSample(1, 0, 0, 192);
        save(grey, "png", root.resolve("a/0.png"));
        save(grey, "png", root.resolve("b/0.png"));

        byte[] pixels = ImageDecoding.read(root.resolve("a/0.png"), InputShape.of(1, 1, 2));
        byte[] colour = ImageDecoding.read(root.resolve("a/0.png"), InputShape.of(3, 1, 2));

        assertThat(pixels).containsExactly(64, (byte) 192);
        assertThat(colour).containsExactly(64, (byte) 192, 64, (byte) 192, 64, (byte) 192);
    }

    @Test
    void everyPngColourLayoutDecodesToItsRgbValues() {
        int[] rgb = {0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xfedcba, 0x808080};
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_INDEXED}) {
            BufferedImage image = new BufferedImage(3, 2, type);
            for (int p = 0; p < rgb.length; p++) {
                image.setRGB(p % 3, p / 3, 0xff000000 | rgb[p]);
            }
            Path file = temp.resolve("layout-" + type + ".png");
            save(image, "png", file);
            int[] expected = new int[rgb.length];
            for (int p = 0; p < rgb.length; p++) {
                // The palette type keeps only colours of its fixed palette: compare against what was stored.
                expected[p] = image.getRGB(p % 3, p / 3) & 0xffffff;
            }

            byte[] pixels = ImageDecoding.read(file, InputShape.of(3, 2, 3));

            for (int p = 0; p < rgb.length; p++) {
                int decoded = (pixels[p] & 0xff) << 16 | (pixels[6 + p] & 0xff) << 8 | (pixels[12 + p] & 0xff);
                assertThat(decoded).as("pixel %d of image type %d", p, type).isEqualTo(expected[p]);
            }
        }
    }

    @Test
    void folderProblemsAreNamed() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertError(spec(empty, 1, 1, 0), "empty image folder", empty.toString());

        Path single = pngFolder(List.of("only"), 2);
        assertError(spec(single, 1, 1, 0), "one class subfolder (only)", "at least 2 classes");

        Path noImages = temp.resolve("no-images");
        save(colourImage(4, 4, 0, 0), "png", noImages.resolve("a/0.png"));
        Files.createDirectories(noImages.resolve("b"));
        Files.writeString(noImages.resolve("b/readme.txt"), "not an image");
        assertError(spec(noImages, 1, 1, 0), "empty class folder", noImages.resolve("b").toString());

        Path few = temp.resolve("few");
        for (int i = 0; i < 3; i++) {
            save(colourImage(4, 4, 0, i), "png", few.resolve("a/" + i + ".png"));
            save(colourImage(4, 4, 1, i), "png", few.resolve("b/" + i + ".png"));
        }
        assertError(spec(few, 2, 2, 0), "too few images of class 0 (a)",
                "3 found, 4 needed (2 training + 2 validation)");

        Files.writeString(few.resolve("b/1.png"), "garbage, not a PNG");
        assertThatThrownBy(() -> TrialDataLoader.load(spec(few, 2, 1, 0), InputShape.of(3, 4, 4)))
                .isInstanceOf(DataException.class).hasMessageContaining("unreadable image")
                .hasMessageContaining(few.resolve("b/1.png").toString());

        assertThatThrownBy(() -> TrialDataLoader.load(spec(temp.resolve("absent"), 1, 1, 0), InputShape.of(3, 4, 4)))
                .isInstanceOf(DataException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TrialDataLoader.nativeShape(
                new DataSpec(Dataset.FOLDER, Optional.empty(), 1, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory is required");
    }

    private static void assertError(DataSpec spec, String problem, String detail) {
        assertThatThrownBy(() -> TrialDataLoader.load(spec, InputShape.of(3, 4, 4))).isInstanceOf(DataException.class)
                .hasMessageContaining(problem).hasMessageContaining(detail);
    }

    private static Set<List<Float>> images(LabeledImages images) {
        Set<List<Float>> set = new HashSet<>();
        int volume = images.imageVolume();
        for (int i = 0; i < images.size(); i++) {
            float[] image = Arrays.copyOfRange(images.pixels(), i * volume, (i + 1) * volume);
            List<Float> values = new java.util.ArrayList<>();
            for (float v : image) {
                values.add(v);
            }
            set.add(values);
        }
        return set;
    }
}
