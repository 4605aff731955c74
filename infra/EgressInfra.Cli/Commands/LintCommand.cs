using System.CommandLine;
using System.Text.Json;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Cli.Commands;

/// <summary>
/// <c>egressctl lint</c>: checks Kubernetes YAML that already exists (hand-written, or from another
/// tool) the way the API server and Istio would, plus the cross-entry analysis over every file given.
/// </summary>
public static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "YAML files, directories (searched recursively for *.yaml and *.yml) or '-' for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.DiagnosticFormat("lint");
        var profile = CommonOptions.Choice(
            "--profile",
            "lint",
            "profile",
            "permissive: only what Istio rejects is an error; restrictive: the restrictive profile's rules (package sources, cleartext HTTP, open ports, SNI spoofing, broad ranges, wildcards, catch-alls) also judge every ServiceEntry, as errors.",
            [.. LintOptions.Profiles]);
        var strict = new Option<bool>("--strict")
        {
            Description = "Every warning is an error (what --profile restrictive used to do).",
        };
        var maxInputSize = InputLimit.CreateOption(InputLimit.DefaultLintBytes);

        var command = new Command("lint", "Validate existing ServiceEntry and Sidecar YAML: API server schema, Istio's admission rules and cross-entry analysis.")
        {
            files,
            format,
            profile,
            strict,
            maxInputSize,
        };
        command.SetAction(parse =>
        {
            var options = LintOptions.ForProfile(parse.GetValue(profile)!, parse.GetValue(strict))
                ?? throw new UsageException($"unknown profile; use one of: {string.Join(", ", LintOptions.Profiles)}");
            var budget = new InputText.Budget(InputLimit.Resolve(parse.GetValue(maxInputSize), InputLimit.DefaultLintBytes));
            var read = ManifestInputs.Read(parse.GetValue(files)!, context.In, context.InBytes, budget);
            var result = ManifestLinter.Lint(read.Inputs, options);
            var chosen = CommonOptions.ToOutputFormat(parse.GetValue(format)!);
            var findings = read.Notes.Count == 0 ? result.Diagnostics : DiagnosticOrder.Sort([.. read.Notes, .. result.Diagnostics]);

            DiagnosticWriter.WriteFindings(context.Out, findings, chosen, extraJson: json => WriteSummary(json, result));

            // JSON and SARIF stay one parseable document on stdout; the summary line goes beside them.
            var summaryTo = chosen is OutputFormat.Text or OutputFormat.Github ? context.Out : context.Error;
            summaryTo.Write($"{Summary(result)}\n");
            return result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    public static string Summary(LintResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = result.Counts;
        var skipped = c.Skipped == 0
            ? "0 skipped"
            : $"{c.Skipped} skipped ({string.Join(", ", c.SkippedKinds.Select(k => $"{k.Key}: {k.Value}"))})";
        var enforcement = string.Concat(c.EnforcementKinds.Select(k => $", {Count(k.Value, k.Key, k.Key.EndsWith('y') && !"aeiou".Contains(k.Key[^2], StringComparison.Ordinal) ? k.Key[..^1] + "ies" : null)}"));
        return $"lint: {Count(c.Documents, "document")}, {Count(c.ServiceEntries, "ServiceEntry", "ServiceEntries")}, "
            + $"{Count(c.Sidecars, "Sidecar")}{enforcement}, {skipped}; {Count(result.Errors, "error")}, {Count(result.Warnings, "warning")}";
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    private static void WriteSummary(Utf8JsonWriter json, LintResult result)
    {
        var c = result.Counts;
        json.WriteStartObject("summary");
        json.WriteNumber("documents", c.Documents);
        json.WriteNumber("serviceEntries", c.ServiceEntries);
        json.WriteNumber("sidecars", c.Sidecars);
        json.WriteStartObject("checked");
        foreach (var (kind, count) in c.EnforcementKinds)
        {
            json.WriteNumber(kind, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("skipped");
        foreach (var (kind, count) in c.SkippedKinds)
        {
            json.WriteNumber(kind, count);
        }

        json.WriteEndObject();
        json.WriteNumber("errors", result.Errors);
        json.WriteNumber("warnings", result.Warnings);
        json.WriteEndObject();
    }
}
