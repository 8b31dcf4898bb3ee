package vn.motcua.app.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in Vietnamese and in English, and no English text is left empty. */
class PageMessagesTest {

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");

        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
        assertThat(vi.stringPropertyNames()).allSatisfy(key -> {
            assertThat(vi.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
        });
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
