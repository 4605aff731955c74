using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// ServiceEntry <c>exportTo</c> (Istio <c>validateExportTo</c> with isServiceEntry = true, rules 41–44):
/// '.' stands for the entry's own namespace when looking for duplicates, and '~' is allowed, alone.
/// </summary>
internal static class ExportToRules
{
    private const int LinearScanLimit = 16;

    public static void Check(EntryContext context)
    {
        var exportTo = context.Spec.ExportTo;
        if (exportTo.Count == 0)
        {
            return;
        }

        // Istio keeps a set of the keys accepted so far; short lists (the usual case) are scanned instead.
        HashSet<string>? seen = exportTo.Count > LinearScanLimit ? new(StringComparer.Ordinal) : null;
        var hasStar = false;
        var hasTilde = false;
        for (var i = 0; i < exportTo.Count; i++)
        {
            var item = exportTo[i];
            var key = KeyOf(context, item);
            hasStar |= key == "*";
            hasTilde |= key == "~";
            if (seen?.Contains(key) ?? SeenBefore(context, exportTo, i, key))
            {
                // Istio validateExportTo: duplicate entries in exportTo (rule 41); the text depends on which copy comes second.
                context.Report(
                    IstioCodes.ExportToDuplicate,
                    SpecPaths.ExportToItem(i),
                    key != item
                        ? $"exportTo lists '.' and the entry's own namespace '{context.Namespace}', which are the same"
                        : item == context.Namespace && Contains(exportTo, ".", i)
                            ? $"exportTo lists '{item}', the entry's own namespace, which '.' already covers"
                            : $"exportTo lists '{item}' more than once",
                    "list each namespace once; '.' means the entry's own namespace");
                continue;
            }

            // Istio visibility.Instance.Validate (rule 42): '.', '*', '~' (ServiceEntry only) or a DNS-1123 label.
            if (IsAcceptable(key))
            {
                seen?.Add(key);
            }
            else
            {
                context.Report(
                    IstioCodes.ExportToInvalid,
                    SpecPaths.ExportToItem(i),
                    $"exportTo item '{item}' is not '.', '*', '~' or a namespace name",
                    item.Contains('/', StringComparison.Ordinal) || item.Contains('*', StringComparison.Ordinal)
                        ? "list namespace names only (no patterns); use '*' alone for every namespace"
                        : "use '.' (own namespace), '*' (all), '~' (none) or a namespace name of letters, digits and inner '-'");
            }
        }

        // Istio validateExportTo: cannot have both public (*) and non-public exportTo values (rule 43).
        if (hasStar && exportTo.Count > 1)
        {
            context.Report(
                IstioCodes.ExportToPublicWithOthers,
                SpecPaths.ExportTo,
                $"exportTo has '*' (every namespace) together with {exportTo.Count - 1} other item(s)",
                "use exportTo: ['*'] alone, or list the namespaces without '*'");
        }

        // Istio validateExportTo: cannot export service entry to no one (~) and someone (rule 44); a second '~' counts.
        if (hasTilde && exportTo.Count > 1)
        {
            context.Report(
                IstioCodes.ExportToNoneWithOthers,
                SpecPaths.ExportTo,
                $"exportTo has '~' (no namespace) together with {exportTo.Count - 1} other item(s)",
                "use exportTo: ['~'] alone, or list the namespaces without '~'");
        }
    }

    private static string KeyOf(EntryContext context, string item) => item == "." ? context.Namespace : item;

    // What Istio inserts into its set: '*', '~' and valid namespace names ('.' has become the namespace).
    private static bool IsAcceptable(string key) => key is "*" or "~" || DnsNames.IsLabel(key);

    private static bool SeenBefore(EntryContext context, ValueList<string> items, int before, string key)
    {
        for (var j = 0; j < before; j++)
        {
            if (KeyOf(context, items[j]) == key && IsAcceptable(key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ValueList<string> items, string value, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (items[i] == value)
            {
                return true;
            }
        }

        return false;
    }
}
