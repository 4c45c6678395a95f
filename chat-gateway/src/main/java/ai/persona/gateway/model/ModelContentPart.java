package ai.persona.gateway.model;

/**
 * One part of a user message with more than text: a text part, or an image by URL.
 *
 * @param imageDetail how closely the model looks at the image; null for the model's default
 */
public record ModelContentPart(String text, String imageUrl, ImageDetail imageDetail) {

    /** OpenAI's image detail levels. */
    public enum ImageDetail {
        LOW, HIGH, AUTO
    }

    public static ModelContentPart text(String text) {
        return new ModelContentPart(text, null, null);
    }

    public static ModelContentPart image(String url, ImageDetail detail) {
        return new ModelContentPart(null, url, detail);
    }

    public boolean isImage() {
        return imageUrl != null;
    }
}
