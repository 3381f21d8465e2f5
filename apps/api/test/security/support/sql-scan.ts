import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * A static check that SQL text is never built from request values. It finds every place SQL
 * text reaches the database (the first argument of `.query(...)`, and of a QueryBuilder's
 * SQL-taking methods), and follows that argument back to where each piece of it comes from:
 * through templates, concatenations, conditionals, local variables (every assignment and every
 * push), destructuring, array joins and maps, and into the functions that return it (their
 * parameters then checked at each call). A piece is safe when it is:
 * - a literal;
 * - of a type that cannot carry SQL: a number, a boolean, or a union of string literals (request
 *   values get such types only through the DTOs' @IsIn/@IsInt checks, which the input fuzzing
 *   suite exercises with unknown values);
 * - from an SQL-fragment module or a reviewed fragment function (below): code that builds SQL
 *   only from fixed text chosen by allowlisted values and from placeholders, reviewed as a whole;
 * - the keys of a constant object literal (column tables written in code).
 * A function that passes one of its parameters into SQL is a sink too: its callers' arguments
 * are checked. Anything else is reported with its file and line. Values travel as placeholders
 * ($1, :name), which never become SQL text.
 *
 * Limits, on purpose: it trusts TypeScript's types (a literal-union field without a runtime
 * allowlist would pass; the input fuzzing suite sends unknown values to every such field), and it
 * does not follow values through object properties it cannot resolve statically (those are
 * reported, and either rewritten or reviewed into the fragment list).
 */

const API_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Reviewed modules whose exports build SQL from fixed text and allowlisted choices only (paths under apps/api/src). */
export const SQL_FRAGMENT_MODULES = [
  'modules/reports/report-sql.ts',
  'modules/tickets/domain/ticket.policy.ts',
  'modules/assets/domain/asset.policy.ts',
  'modules/users/domain/user.policy.ts',
  'modules/categories/domain/category.policy.ts',
  'modules/tickets/ticket-rows.ts',
  'common/db/sql-params.ts',
];

/**
 * Reviewed functions outside those modules: `file#name` and why their SQL text cannot hold input.
 */
export const SQL_FRAGMENT_FUNCTIONS: Record<string, string> = {
  // Column names are the keys of the set object, which every caller builds from code (COLUMN
  // tables, fixed column names); values become numbered parameters.
  'modules/tickets/tickets.service.ts#buildSet': 'columns from code, values as $n',
};

/** Code no request reaches: the database layer (migrations, seeders, embedded server), command-line tools, benchmarks. */
const NOT_REACHABLE_FROM_REQUESTS = /^(database|cli|bench)\//;

/** QueryBuilder methods whose first argument is SQL text. */
const BUILDER_SINKS = new Set([
  'where',
  'andWhere',
  'orWhere',
  'having',
  'andHaving',
  'orHaving',
  'select',
  'addSelect',
  'orderBy',
  'addOrderBy',
  'groupBy',
  'addGroupBy',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'from',
]);
/** Array methods that call a callback with each element. */
const ARRAY_ITERATORS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'reduce']);
/** Array and string methods whose result is only as unsafe as their receiver (and, for join/concat, their arguments). */
const PASS_THROUGH = new Set([
  'join',
  'concat',
  'filter',
  'slice',
  'sort',
  'reverse',
  'flat',
  'trim',
  'toUpperCase',
  'toLowerCase',
]);

export interface Finding {
  file: string;
  line: number;
  sink: string;
  /** The piece of the SQL argument that could not be shown safe… */
  piece: string;
  /** …and, when it is a call, what inside that call could not. */
  cause: string;
}

type FunctionLike = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export function scanSqlConstruction(): { findings: Finding[]; sinks: number; files: number } {
  const configPath = join(API_ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('cannot read apps/api/tsconfig.json');
  const srcRoot = join(API_ROOT, 'src');
  const roots = config.fileNames.filter((f) => f.startsWith(srcRoot) && !f.endsWith('.spec.ts'));
  const program = ts.createProgram(roots, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const fragmentFiles = new Set(SQL_FRAGMENT_MODULES.map((m) => join(srcRoot, m)));
  const inSrc = (node: ts.Node) => node.getSourceFile().fileName.startsWith(srcRoot);
  const rel = (node: ts.Node) => relative(srcRoot, node.getSourceFile().fileName);

  const declarationOf = (node: ts.Node): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  };
  const fromFragment = (declaration: ts.Node | undefined): boolean => {
    if (!declaration) return false;
    if (fragmentFiles.has(declaration.getSourceFile().fileName)) return true;
    const name = (declaration as { name?: ts.Node }).name?.getText();
    return name !== undefined && `${rel(declaration)}#${name}` in SQL_FRAGMENT_FUNCTIONS;
  };
  const harmlessType = (type: ts.Type): boolean => {
    if (type.isUnion()) return type.types.every(harmlessType);
    // Arrays and tuples of such values (a list of statuses from the vocabulary).
    if (checker.isArrayType(type) || checker.isTupleType(type))
      return checker.getTypeArguments(type as ts.TypeReference).every(harmlessType);
    return Boolean(
      type.flags &
      (ts.TypeFlags.StringLiteral |
        ts.TypeFlags.NumberLike |
        ts.TypeFlags.BooleanLike |
        ts.TypeFlags.BigIntLike |
        ts.TypeFlags.Null |
        ts.TypeFlags.Undefined |
        ts.TypeFlags.Void |
        ts.TypeFlags.EnumLiteral),
    );
  };
  const functionOf = (node: ts.Node): FunctionLike | undefined => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n))
        return n;
    }
    return undefined;
  };
  const parameterIndex = (declaration: ts.Node): { fn: FunctionLike; index: number } | undefined => {
    for (let n: ts.Node | undefined = declaration; n; n = n.parent) {
      if (ts.isParameter(n)) {
        const fn = n.parent as FunctionLike;
        return { fn, index: fn.parameters.indexOf(n) };
      }
      if (ts.isBlock(n) || ts.isSourceFile(n)) return undefined;
    }
    return undefined;
  };

  /** A piece that is not safe: the node, or a parameter of a function (to be checked at its calls). */
  type Piece = { node: ts.Node; param?: { fn: FunctionLike; index: number }; cause?: ts.Node };

  const returnsCache = new Map<FunctionLike, Piece[] | 'busy'>();
  /** The unsafe pieces of what a function returns. */
  const returnsOf = (fn: FunctionLike): Piece[] => {
    const cached = returnsCache.get(fn);
    if (cached === 'busy') return []; // recursion: the other paths decide
    if (cached) return cached;
    returnsCache.set(fn, 'busy');
    const pieces: Piece[] = [];
    if (!fn.body) pieces.push({ node: fn });
    else if (!ts.isBlock(fn.body)) pieces.push(...unsafe(fn.body, new Set()));
    else {
      const visit = (n: ts.Node): void => {
        if (n !== fn && (ts.isFunctionLike(n) || ts.isClassLike(n))) return;
        if (ts.isReturnStatement(n) && n.expression) pieces.push(...unsafe(n.expression, new Set()));
        ts.forEachChild(n, visit);
      };
      visit(fn.body);
    }
    returnsCache.set(fn, pieces);
    return pieces;
  };

  /** Safe at a call: the callee's returned pieces, its parameters replaced by the call's arguments. */
  const callResult = (call: ts.CallExpression, fn: FunctionLike, seen: Set<ts.Node>): Piece[] => {
    const out: Piece[] = [];
    for (const piece of returnsOf(fn)) {
      if (piece.param?.fn === fn) {
        const arg = call.arguments[piece.param.index];
        const parameter = fn.parameters[piece.param.index];
        if (arg) out.push(...unsafe(arg, seen));
        else if (parameter?.initializer) out.push(...unsafe(parameter.initializer, seen));
      } else out.push(piece);
    }
    return out.map((p) => (p.param ? p : { node: call, cause: p.cause ?? p.node }));
  };

  /** Every value a variable ever holds: its initializer, assignments, and what is pushed into it. */
  const variableValues = (declaration: ts.VariableDeclaration, seen: Set<ts.Node>): Piece[] => {
    const pieces: Piece[] = declaration.initializer ? unsafe(declaration.initializer, seen) : [];
    const scope = functionOf(declaration)?.body ?? declaration.getSourceFile();
    const isIt = (n: ts.Node) => ts.isIdentifier(n) && declarationOf(n) === declaration;
    const visit = (n: ts.Node): void => {
      if (
        ts.isBinaryExpression(n) &&
        isIt(n.left) &&
        [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken].includes(n.operatorToken.kind)
      ) {
        pieces.push(...unsafe(n.right, seen));
      }
      if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        ['push', 'unshift', 'splice'].includes(n.expression.name.text) &&
        isIt(n.expression.expression)
      ) {
        pieces.push(...n.arguments.flatMap((a) => unsafe(a, seen)));
      }
      // Writes through an index (arr[i] = x) or a property (obj.k = x).
      if (
        ts.isBinaryExpression(n) &&
        n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        (ts.isElementAccessExpression(n.left) || ts.isPropertyAccessExpression(n.left)) &&
        isIt(n.left.expression)
      ) {
        pieces.push(...unsafe(n.right, seen));
      }
      ts.forEachChild(n, visit);
    };
    visit(scope);
    return pieces;
  };

  const declarationValue = (declaration: ts.Declaration, node: ts.Node, seen: Set<ts.Node>): Piece[] => {
    if (fromFragment(declaration)) return [];
    const param = parameterIndex(declaration);
    if (param) return [{ node, param }];
    if (!inSrc(declaration)) return [{ node }];
    if (ts.isVariableDeclaration(declaration)) return variableValues(declaration, seen);
    if (ts.isBindingElement(declaration)) {
      let holder: ts.Node = declaration;
      while (ts.isBindingElement(holder) || ts.isObjectBindingPattern(holder) || ts.isArrayBindingPattern(holder))
        holder = holder.parent;
      if (ts.isVariableDeclaration(holder)) return variableValues(holder, seen);
      if (ts.isParameter(holder)) return [{ node, param: parameterIndex(holder)! }];
    }
    if ((ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
      return unsafe(declaration.initializer, seen);
    }
    return [{ node }];
  };

  /** `{ keys }`: the variable named, not the property. */
  const shorthandValue = (p: ts.ShorthandPropertyAssignment, seen: Set<ts.Node>): Piece[] => {
    const symbol = checker.getShorthandAssignmentValueSymbol(p);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return declaration ? declarationValue(declaration, p.name, seen) : [{ node: p }];
  };

  /** The unsafe pieces of an expression used as SQL text (empty: all safe). */
  const unsafe = (node: ts.Expression, seen: Set<ts.Node>): Piece[] => {
    if (seen.has(node)) return [];
    seen.add(node);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return [];
    if (harmlessType(checker.getTypeAtLocation(node))) return [];
    if (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSpreadElement(node)
    ) {
      return unsafe(node.expression, seen);
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((s) => unsafe(s.expression, seen));
    if (ts.isConditionalExpression(node)) return [...unsafe(node.whenTrue, seen), ...unsafe(node.whenFalse, seen)];
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.PlusToken,
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.AmpersandAmpersandToken,
      ].includes(node.operatorToken.kind)
    ) {
      return [...unsafe(node.left, seen), ...unsafe(node.right, seen)];
    }
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => unsafe(e, seen));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.flatMap((p) =>
        ts.isPropertyAssignment(p)
          ? unsafe(p.initializer, seen)
          : ts.isShorthandPropertyAssignment(p)
            ? shorthandValue(p, seen)
            : ts.isSpreadAssignment(p)
              ? unsafe(p.expression, seen)
              : [{ node: p }],
      );
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      // Keys of a constant object: column tables written in code.
      if (callee.getText() === 'Object.keys' && node.arguments[0]) {
        const declaration = declarationOf(node.arguments[0]);
        if (
          declaration &&
          ts.isVariableDeclaration(declaration) &&
          declaration.initializer &&
          ts.isObjectLiteralExpression(declaration.initializer)
        )
          return [];
      }
      if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH.has(callee.name.text) && !inSrc(declarationOf(callee) ?? node)) {
        const args = ['join', 'concat'].includes(callee.name.text) ? node.arguments.flatMap((a) => unsafe(a, seen)) : [];
        return [...unsafe(callee.expression, seen), ...args];
      }
      // arr.map(x => `...${x}...`): the mapped text's own pieces, and the array's when that text uses the element.
      if (ts.isPropertyAccessExpression(callee) && ['map', 'flatMap'].includes(callee.name.text) && node.arguments[0]) {
        const fn = node.arguments[0];
        if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
          const returned = returnsOf(fn);
          const usesElement = returned.some((p) => p.param?.fn === fn && p.param.index === 0);
          const mapped = returned.filter((p) => p.param?.fn !== fn);
          return [...(usesElement ? unsafe(callee.expression, seen) : []), ...mapped];
        }
      }
      const declaration = declarationOf(callee);
      if (fromFragment(declaration)) return [];
      const ownerType = ts.isPropertyAccessExpression(callee)
        ? checker.getTypeAtLocation(callee.expression).getSymbol()?.declarations?.[0]
        : undefined;
      if (fromFragment(ownerType)) return [];
      const fn =
        declaration &&
        (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)
          ? declaration
          : ts.isVariableDeclaration(declaration) &&
              declaration.initializer &&
              (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
            ? declaration.initializer
            : undefined);
      if (fn && inSrc(fn)) return callResult(node, fn, seen);
      // A function value (a parameter, a property): as safe as the value and the arguments it gets here.
      if (ts.isPropertyAccessExpression(callee) || ts.isIdentifier(callee)) {
        const value = unsafe(callee, seen);
        return value.every((p) => p.param) ? [...value, ...node.arguments.flatMap((a) => unsafe(a, seen))] : [{ node }];
      }
      return [{ node }];
    }
    // A function as a value: what it returns, its own parameters aside (each call's arguments are checked where it is called).
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return returnsOf(node).filter((p) => p.param?.fn !== node);
    if (ts.isNewExpression(node) && ['Set', 'Array'].includes(node.expression.getText())) {
      return (node.arguments ?? []).flatMap((a) => unsafe(a, seen));
    }
    if (ts.isIdentifier(node)) {
      const declaration = declarationOf(node);
      return declaration ? declarationValue(declaration, node, seen) : [{ node }];
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const declaration = ts.isPropertyAccessExpression(node) ? declarationOf(node) : undefined;
      if (fromFragment(declaration)) return [];
      if (declaration && (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && inSrc(declaration)) {
        // A property of an object literal or class field written in code: its value, and (for a table indexed by input) the owner.
        const value = declaration.initializer ? unsafe(declaration.initializer, seen) : [{ node }];
        if (value.length === 0) return [];
      }
      const ownerType = checker.getTypeAtLocation(node.expression).getSymbol()?.declarations?.[0];
      if (fromFragment(ownerType)) return [];
      // A member of a value that is itself safe (a constant table, a fragment's result): safe whatever the key.
      return unsafe(node.expression, seen).map((p) => (p.node === node.expression && !p.param ? { node } : p));
    }
    return [{ node }];
  };

  // Pass 1: the sinks, direct and derived (functions passing a parameter into SQL), to a fixed point.
  const derived = new Map<FunctionLike, Set<number>>();
  /** Derived sinks seen called from the scanned code; one nothing calls is an entry point whose input is unchecked. */
  const called = new Set<FunctionLike>();
  const findings: Finding[] = [];
  let sinks = 0;
  let files = 0;
  const sources = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(srcRoot) && !f.fileName.endsWith('.spec.ts'))
    .filter((f) => !NOT_REACHABLE_FROM_REQUESTS.test(relative(srcRoot, f.fileName)) && !fragmentFiles.has(f.fileName));

  const calleeFunction = (callee: ts.Expression): FunctionLike | undefined => {
    const declaration = declarationOf(callee);
    if (!declaration) return undefined;
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isArrowFunction(declaration.initializer))
      return declaration.initializer;
    return undefined;
  };

  const sqlArgument = (call: ts.CallExpression): { sql: ts.Expression; sink: string } | undefined => {
    const callee = call.expression;
    const fn = calleeFunction(callee);
    const index = fn ? derived.get(fn) : undefined;
    if (fn && index) called.add(fn);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      const receiver = checker.typeToString(checker.getTypeAtLocation(callee.expression));
      if (name === 'query' || (BUILDER_SINKS.has(name) && /QueryBuilder/.test(receiver))) {
        const sql = call.arguments[0];
        if (sql && checker.getTypeAtLocation(sql).flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Union))
          return { sql, sink: name };
      }
    }
    if (fn && index) {
      const [i] = [...index];
      const sql = call.arguments[i!];
      if (sql) return { sql, sink: fn.name?.getText() ?? 'helper' };
    }
    return undefined;
  };

  /** `xs.forEach((x) => …)`: the callback's element parameter is an element of xs. */
  const iteratedArray = (param: { fn: FunctionLike; index: number }): ts.Expression | undefined => {
    const { fn, index } = param;
    const call = fn.parent;
    if (index !== 0 || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !ts.isCallExpression(call)) return undefined;
    const callee = call.expression;
    return ts.isPropertyAccessExpression(callee) && ARRAY_ITERATORS.has(callee.name.text) ? callee.expression : undefined;
  };

  let changed = true;
  let round = 0;
  while (changed && round++ < 6) {
    changed = false;
    findings.length = 0;
    sinks = 0;
    files = 0;
    for (const file of sources) {
      files += 1;
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const hit = sqlArgument(node);
          if (hit) {
            sinks += 1;
            const pieces = unsafe(hit.sql, new Set()).flatMap((piece) => {
              const array = piece.param ? iteratedArray(piece.param) : undefined;
              return array ? unsafe(array, new Set()).map((p) => (p.param ? p : { node: piece.node, cause: p.node })) : [piece];
            });
            for (const piece of pieces) {
              const owner = functionOf(node);
              // A route handler's parameter is request input (@Body, @Query, @Param …): it must never reach SQL text.
              const parameter = piece.param ? piece.param.fn.parameters[piece.param.index] : undefined;
              const requestInput = parameter !== undefined && (ts.getDecorators(parameter)?.length ?? 0) > 0;
              // Any other function that hands its own parameter to the database is a sink for its callers.
              if (piece.param && piece.param.fn === owner && !requestInput) {
                const set = derived.get(owner) ?? new Set<number>();
                if (!set.has(piece.param.index)) {
                  set.add(piece.param.index);
                  derived.set(owner, set);
                  changed = true;
                }
                continue;
              }
              findings.push({
                file: rel(node),
                line: node.getSourceFile().getLineAndCharacterOfPosition(piece.node.getStart()).line + 1,
                sink: hit.sink,
                piece: piece.node.getText().replace(/\s+/g, ' ').slice(0, 120),
                cause: requestInput
                  ? 'request input (a route handler parameter) reaches SQL text'
                  : piece.cause
                    ? `${rel(piece.cause)}:${piece.cause.getSourceFile().getLineAndCharacterOfPosition(piece.cause.getStart()).line + 1} ${piece.cause.getText().replace(/\s+/g, ' ').slice(0, 100)}`
                    : '',
              });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    returnsCache.clear();
  }
  for (const [fn, indexes] of derived) {
    if (called.has(fn)) continue;
    for (const index of indexes) {
      const parameter = fn.parameters[index]!;
      findings.push({
        file: rel(fn),
        line: fn.getSourceFile().getLineAndCharacterOfPosition(parameter.getStart()).line + 1,
        sink: fn.name?.getText() ?? 'function',
        piece: parameter.getText().slice(0, 120),
        cause: 'this parameter reaches SQL text, and nothing in the scanned code calls the function (an entry point)',
      });
    }
  }
  return { findings, sinks, files };
}
