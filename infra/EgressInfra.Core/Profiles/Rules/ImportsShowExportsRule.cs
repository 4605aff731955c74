using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Says which Sidecar imports bring another namespace's entries into a governed namespace's view. A
/// Sidecar's egress host <c>ns/host</c> imports every service of <c>ns</c> that is exported to the
/// importing namespace: with <c>ns/*</c> that is everything <c>ns</c> exports to "*", today and later,
/// whoever writes it. The stack cannot see those entries, so the finding names the import. The default
/// import of the control plane (<c>istio-system/*</c>: istiod and the gateways) is expected and not named.
/// </summary>
public sealed class ImportsShowExportsRule : IProfileRule
{
    public string Id => "imports-show-exports";

    public DiagnosticDescriptor Descriptor => PolicyCodes.StackImportsExportedEntries;

    public bool IsPerService => false;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var egress = context.Config.Egress;
        var governed = egress.Namespaces;
        var imports = egress.SidecarImports;
        for (var i = 0; i < imports.Count; i++)
        {
            var parts = imports[i].Split('/', 2);
            if (parts.Length != 2 || parts[0] is "." or "*" || parts[0].StartsWith('~')
                || Config.Binding.StackConfigBinder.DefaultSidecarImports.Contains(imports[i], StringComparer.Ordinal))
            {
                continue;
            }

            var what = parts[1] == "*"
                ? $"every entry that '{parts[0]}' exports to \"*\" (or to the importing namespace)"
                : $"'{parts[1]}' wherever '{parts[0]}' exports it to \"*\" (or to the importing namespace)";
            var into = governed.Contains(parts[0], StringComparer.Ordinal)
                ? $"the other governed namespaces ({string.Join(", ", governed.Where(n => n != parts[0]))})"
                : $"every governed namespace ({string.Join(", ", governed)})";
            yield return new RuleFinding(
                $"egress.sidecarImports[{i}]",
                $"'{imports[i]}' brings {what} into the view of {into}; those entries are not in this stack");
        }

        foreach (var (ns, list) in egress.NamespaceImports)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var parts = list[i].Split('/', 2);
                if (parts.Length != 2 || parts[0] is "." or "*" || parts[0] == ns || parts[0].StartsWith('~'))
                {
                    continue;
                }

                yield return new RuleFinding(
                    $"egress.namespaceImports.{ns}[{i}]",
                    $"'{list[i]}' brings {(parts[1] == "*" ? $"every entry '{parts[0]}' exports to \"*\"" : $"'{parts[1]}' as '{parts[0]}' exports it")} into the view of '{ns}'; those entries are not in this stack");
            }
        }
    }
}
