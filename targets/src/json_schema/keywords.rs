//! The keywords of JSON Schema draft 2020-12 (all seven vocabularies) and a walk that finds
//! any other key in a schema position: the metaschema allows unknown keywords, so the tests
//! use this to prove the generated schema has none.

use serde_json::Value;

/// Every keyword of the 2020-12 vocabularies: core, applicator, unevaluated, validation,
/// meta-data, format-annotation and content.
pub const KNOWN: [&str; 57] = [
    // core
    "$schema",
    "$id",
    "$ref",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "$comment",
    "$defs",
    // applicator
    "prefixItems",
    "items",
    "contains",
    "additionalProperties",
    "properties",
    "patternProperties",
    "dependentSchemas",
    "propertyNames",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    // unevaluated
    "unevaluatedItems",
    "unevaluatedProperties",
    // validation
    "type",
    "const",
    "enum",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxContains",
    "minContains",
    "maxProperties",
    "minProperties",
    "required",
    "dependentRequired",
    // meta-data
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
    // format-annotation
    "format",
    // content
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
];

pub fn is_known(keyword: &str) -> bool {
    KNOWN.contains(&keyword)
}

/// Every unknown key in a schema position, as a JSON Pointer (`/properties/answers/x-foo`).
pub fn unknown_keywords(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(schema, "", &mut out);
    out
}

fn walk(schema: &Value, at: &str, out: &mut Vec<String>) {
    let Value::Object(map) = schema else {
        return; // a boolean schema has no keywords
    };
    for (key, value) in map {
        let here = format!("{at}/{}", escape(key));
        if !is_known(key) {
            out.push(here);
            continue;
        }
        match key.as_str() {
            // a map of names to schemas
            "properties" | "patternProperties" | "$defs" | "dependentSchemas" => {
                if let Value::Object(children) = value {
                    for (name, child) in children {
                        walk(child, &format!("{here}/{}", escape(name)), out);
                    }
                }
            }
            // an array of schemas
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                if let Value::Array(children) = value {
                    for (i, child) in children.iter().enumerate() {
                        walk(child, &format!("{here}/{i}"), out);
                    }
                }
            }
            // one schema
            "items"
            | "contains"
            | "additionalProperties"
            | "propertyNames"
            | "if"
            | "then"
            | "else"
            | "not"
            | "unevaluatedItems"
            | "unevaluatedProperties"
            | "contentSchema" => walk(value, &here, out),
            // data (const, enum, examples, default) or a plain value
            _ => {}
        }
    }
}

/// JSON Pointer escaping of one reference token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
