package vn.motcua.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a deployed model may contain, so that deploying a model never runs code of the deployer's choosing
 * (docs/security.md, "No code from a deployment"). Checked by {@link ProcedureDeployer} (naming the file and the
 * element) and again by the engine for every deployment, whatever its path ({@link ModelSafetyPlugin}).
 *
 * <p>Refused: script tasks and every {@code script} element (script listeners, script input/output
 * parameters, script conditions), connectors, Java classes by name ({@code camunda:class},
 * {@code camunda:variableMappingClass}), external script resources ({@code camunda:resource}), HTML forms by
 * key ({@code camunda:formKey}: only Camunda Forms by {@code camunda:formRef}), expressions in another
 * language than the expression language, DMN in another expression language than FEEL, FEEL external (Java)
 * functions, and any resource other than BPMN, DMN, Camunda Forms, YAML and PNG diagrams (no CMMN, no HTML,
 * no scripts).
 *
 * <p>Expressions ({@code ${…}} or {@code #{…}}) may only name variables or beans, compare them and
 * combine them with boolean and arithmetic operators and literals: no property or method access
 * ({@code .}, {@code [}), no function calls, no assignment or lambdas. Delegates are named as
 * {@code ${beanName}} and nothing else.
 */
public final class ModelSafety {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static final Set<String> ALLOWED_SUFFIXES =
            Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".yaml", ".yml", ".png", ".xhtml");
    private static final Set<String> REFUSED_CAMUNDA_ATTRIBUTES =
            Set.of("class", "resource", "variableMappingClass", "formKey", "scriptFormat");
    private static final Set<String> BEAN_ONLY_ATTRIBUTES =
            Set.of("delegateExpression", "variableMappingDelegateExpression");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
    private static final Set<String> OPERATOR_WORDS = Set.of(
            "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "true", "false", "null");

    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("[$*#]\\{([^}]*)}");
    private static final String PATH = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";
    private static final Pattern SAFE_TEMPLATE_EXPRESSION = Pattern.compile("\\s*(" + PATH
            + "|#temporals\\.format\\(\\s*" + PATH + "\\s*,\\s*'[^'()]*'\\s*\\)"
            + "|#temporals\\.year\\(\\s*" + PATH + "\\s*\\))\\s*((!=|==)\\s*null\\s*)?");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FREE_TEXT_FIELDS = Set.of("textfield", "textarea");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{[\\s#/]*([A-Za-z_][A-Za-z0-9_]*)");

    private ModelSafety() {}

    /** The problems of one deployment resource, each naming the element; empty when it is safe to deploy. */
    public static List<String> problems(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return List.of("resource " + resourceName
                    + " is not allowed in a deployment (only .bpmn, .dmn, .form, .yaml, .png and .xhtml)");
        }
        if (name.endsWith(".xhtml")) {
            return templateProblems(resourceName, new String(content, java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of();
        }
        Document document;
        try {
            document = parse(content);
        } catch (SAXException | IOException e) {
            return List.of("not well-formed XML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        check(document.getDocumentElement(), dmn, problems);
        return problems;
    }

    /**
     * A result template ({@code <key>-result.xhtml}) is filled by Thymeleaf, whose expressions could call methods:
     * each {@code ${…}} may only read a variable or a property path, optionally formatted by
     * {@code #temporals.format(path, 'pattern')} or {@code #temporals.year(path)} and compared with {@code null};
     * no unescaped text ({@code th:utext}), no preprocessing ({@code __…__}), no links or inlined scripts.
     */
    static List<String> templateProblems(String resourceName, String template) {
        List<String> problems = new ArrayList<>();
        for (String refused : List.of("th:utext", "__", "th:inline", "@{", "<script")) {
            if (template.contains(refused)) {
                problems.add(resourceName + " uses " + refused + ", which a result template may not");
            }
        }
        Matcher expressions = TEMPLATE_EXPRESSION.matcher(template);
        while (expressions.find()) {
            if (!SAFE_TEMPLATE_EXPRESSION.matcher(expressions.group(1)).matches()) {
                problems.add(resourceName + ": the expression ${" + expressions.group(1)
                        + "} may only read a variable, a property path or format a date");
            }
        }
        return problems;
    }

    private static void check(Element element, boolean dmn, List<String> problems) {
        String local = element.getLocalName();
        String where = describe(element);
        if (!dmn && BPMN_NS.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
            problems.add(where + " is a script task; call a delegate bean (${beanName}) instead");
        } else if ("script".equals(local)) {
            problems.add(where + " holds a script; scripts are not allowed (use a delegate bean)");
        } else if (ProcedureDeployer.CAMUNDA_NS.equals(element.getNamespaceURI()) && "connector".equals(local)) {
            problems.add(where + " uses a connector; call a delegate bean instead");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            if (REFUSED_CAMUNDA_ATTRIBUTES.contains(attributeName)
                    && ProcedureDeployer.CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
                problems.add(where + " sets camunda:" + attributeName
                        + ", which is not allowed (delegates by ${beanName}, forms by camunda:formRef)");
                continue;
            }
            if (BEAN_ONLY_ATTRIBUTES.contains(attributeName)
                    && !BEAN_REFERENCE.matcher(value.strip()).matches()) {
                problems.add(where + " has camunda:" + attributeName + "=\"" + shorten(value)
                        + "\"; name a delegate bean only, as ${beanName}");
                continue;
            }
            if ("language".equals(attributeName) && !dmn && !value.isBlank()) {
                problems.add(where + " has an expression in language '" + shorten(value)
                        + "'; only the expression language (${…}) is allowed");
                continue;
            }
            if (dmn && "expressionLanguage".equals(attributeName) && !isFeel(value)) {
                problems.add(where + " uses expression language '" + shorten(value) + "'; only FEEL is allowed");
                continue;
            }
            expressionProblems(value).forEach(p -> problems.add(where + " attribute " + attributeName + ": " + p));
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!text.isEmpty()) {
            if (dmn) {
                if (FEEL_EXTERNAL.matcher(text).find()) {
                    problems.add(where + " defines an external (Java) function; not allowed");
                }
            } else {
                expressionProblems(text.toString()).forEach(p -> problems.add(where + ": " + p));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                check(childElement, dmn, problems);
            }
        }
    }

    /**
     * Free text typed into one of a procedure's forms (a {@code textfield} or {@code textarea}: the citizen's
     * start form or a clerk's task form) may not be templated into a {@code text} or {@code html} component of
     * any of its forms: form-js renders those as Markdown, so {@code [x](http://…)}, {@code ![](http://…)} or a
     * bare URL typed by a citizen would become a link or a remote image in the clerk's form. Such values are shown
     * in disabled fields instead (as text).
     *
     * @param forms the procedure's forms by file name
     */
    public static List<String> formTextProblems(Map<String, byte[]> forms) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        Set<String> freeText = new HashSet<>();
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            try {
                JsonNode json = JSON.readTree(form.getValue());
                parsed.put(form.getKey(), json);
                components(json).forEach(c -> {
                    if (FREE_TEXT_FIELDS.contains(c.path("type").asText()) && c.hasNonNull("key")) {
                        freeText.add(c.get("key").asText());
                    }
                });
            } catch (IOException e) {
                return List.of(form.getKey() + " is not valid JSON: " + e.getMessage());
            }
        }
        List<String> problems = new ArrayList<>();
        parsed.forEach((name, json) -> components(json).forEach(c -> {
            String type = c.path("type").asText();
            if (!"text".equals(type) && !"html".equals(type)) {
                return;
            }
            String template = c.path("text").asText("") + c.path("content").asText("");
            Matcher variable = TEMPLATE_VARIABLE.matcher(template);
            while (variable.find()) {
                if (freeText.contains(variable.group(1))) {
                    problems.add(
                            name + ": " + type + " component " + c.path("id").asText() + " shows free text '"
                                    + variable.group(1) + "' as Markdown; show it in a disabled field instead");
                }
            }
        }));
        return problems;
    }

    private static List<JsonNode> components(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : node.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    private static boolean isFeel(String language) {
        return language.toLowerCase(Locale.ROOT).contains("feel");
    }

    /** The problems of every expression in a text (an attribute value or an element's text). */
    static List<String> expressionProblems(String text) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = checkExpression(text, i + 2, problems);
                if (end < 0) {
                    return problems;
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return problems;
    }

    /** Checks one expression body starting at {@code start}; returns the index of its closing brace or -1. */
    private static int checkExpression(String text, int start, List<String> problems) {
        int i = start;
        String callee = null;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '}') {
                return i;
            }
            if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != c) {
                    close += text.charAt(close) == '\\' ? 2 : 1;
                }
                if (close >= text.length()) {
                    problems.add("unterminated string in expression " + shorten(text.substring(start - 2)));
                    return -1;
                }
                i = close + 1;
                callee = "a literal";
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                callee = "a literal";
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                if ("instanceof".equals(word)) {
                    problems.add("'instanceof' is not allowed in expression " + expressionAt(text, start));
                    return skipToEnd(text, end);
                }
                callee = OPERATOR_WORDS.contains(word) ? null : "'" + word + "'";
                i = end;
                continue;
            }
            String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
            if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                i += 2;
                callee = null;
                continue;
            }
            if ("+-*/%<>!".indexOf(c) >= 0) {
                i++;
                callee = null;
                continue;
            }
            if (c == ')') {
                i++;
                callee = "a result";
                continue;
            }
            if (c == '(') {
                if (callee != null) {
                    problems.add("calls " + callee + " in expression " + expressionAt(text, start)
                            + "; only variables, comparisons and arithmetic are allowed");
                    return skipToEnd(text, i);
                }
                i++;
                continue;
            }
            problems.add("'" + c + "' is not allowed in expression " + expressionAt(text, start)
                    + " (no property or method access, function calls, assignment or lambdas)");
            return skipToEnd(text, i);
        }
        problems.add("unterminated expression " + shorten(text.substring(start - 2)));
        return -1;
    }

    private static int skipToEnd(String text, int from) {
        int close = text.indexOf('}', from);
        return close;
    }

    private static String expressionAt(String text, int start) {
        int close = text.indexOf('}', start);
        return shorten(text.substring(start - 2, close < 0 ? text.length() : close + 1));
    }

    private static String describe(Element element) {
        for (Node node = element; node instanceof Element e; node = e.getParentNode()) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                return node == element
                        ? element.getLocalName() + " " + id
                        : element.getLocalName() + " in " + e.getLocalName() + " " + id;
            }
        }
        return element.getLocalName();
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    private static Document parse(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser with safe settings", e);
        }
    }
}
