// A test oracle for routing: ir::Expr (its JSON form) evaluated on a response's answers,
// written apart from the generated pages' script so that each checks the other.
// Two-valued: a comparison on an absent answer is false; an ordering comparison on a
// missing code is false; `not` negates.

const ORDERING = new Set(["<", "<=", ">", ">="]);

/** Does `expr` hold for `answers`? `missing[q]` lists the missing codes of question q. */
export function exprHolds(expr, answers, missing = {}) {
  const a = answers[expr.question];
  switch (expr.op) {
    case "or":
      return expr.operands.some((e) => exprHolds(e, answers, missing));
    case "and":
      return expr.operands.every((e) => exprHolds(e, answers, missing));
    case "not":
      return !exprHolds(expr.operand, answers, missing);
    case "answered":
      return a !== undefined;
    case "has":
      return Array.isArray(a) && a.includes(expr.code);
    case "in":
      return Number.isInteger(a) && expr.values.includes(a);
    case "compare": {
      if (!Number.isInteger(a)) return false;
      if (ORDERING.has(expr.cmp) && (missing[expr.question] ?? []).includes(a)) return false;
      const v = expr.value;
      return { "=": a === v, "!=": a !== v, "<": a < v, "<=": a <= v, ">": a > v, ">=": a >= v }[expr.cmp];
    }
    default:
      throw new Error(`unknown expression op ${expr.op}`);
  }
}
