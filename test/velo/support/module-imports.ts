/**
 * Every module a JavaScript file loads, read with TypeScript's parser (not a regex): static
 * imports and re-exports, dynamic `import()`, `require()`, and the names imported from each.
 */
import ts from 'typescript';

export interface ModuleImport {
  kind: 'import' | 'export' | 'dynamic import' | 'require';
  /** The specifier, or null when it is computed at run time (which nobody can check). */
  specifier: string | null;
  /** Named imports (`import { a, b as c }` gives a, b). */
  names: string[];
}

export function moduleImports(source: string, fileName = 'module.js'): ModuleImport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: ModuleImport[] = [];
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : null);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const bindings = node.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [];
      found.push({ kind: 'import', specifier: literal(node.moduleSpecifier), names });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      found.push({ kind: 'export', specifier: literal(node.moduleSpecifier), names: [] });
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) {
        found.push({ kind: isImport ? 'dynamic import' : 'require', specifier: literal(node.arguments[0]), names: [] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The names a module exports (`export { a, b as c }`, `export const d`, `export function e`). */
export function moduleExports(source: string, fileName = 'module.js'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((e) => e.name.text));
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return names;
}
