using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Core.Config;
using EgressInfra.Core.Import;

namespace EgressInfra.Cli.Commands;

/// <summary>
/// <c>egressctl import</c>: a stack file from ServiceEntries and Sidecars that already run (as
/// <c>kubectl get -A -o yaml</c> prints them), with what did not carry over as comments and the grants
/// compared namespace by namespace.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "YAML files (List documents included), directories (searched recursively for *.yaml and *.yml) or '-' for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var environment = new Option<string>("--environment", "-e")
        {
            Description = "The environment of the stack written: dev (default), staging or prod.",
            DefaultValueFactory = _ => "dev",
            HelpName = "ENV",
        };
        environment.AcceptOnlyFromAmong([.. IstioNames.Environments.Keys.Order(StringComparer.Ordinal)]);
        var maxInputSize = InputLimit.CreateOption();
        var command = new Command("import", "Write a stack file (config: with egress-infra:egress) from existing ServiceEntry and Sidecar manifests; what does not carry over becomes a comment.")
        {
            files,
            environment,
            maxInputSize,
        };
        command.SetAction(parse =>
        {
            var budget = new InputText.Budget(InputLimit.Resolve(parse.GetValue(maxInputSize)));
            var read = ManifestInputs.Read(parse.GetValue(files)!, context.In, context.InBytes, budget);
            if (read.Notes.Count > 0)
            {
                // Paths a folder walk skipped (FIFOs, link loops): said, as lint says them.
                Output.DiagnosticWriter.WriteFindings(context.Error, read.Notes, Output.OutputFormat.Text);
            }

            var inputs = read.Inputs;
            var options = new ImportOptions(IstioNames.Environments[parse.GetValue(environment)!]);
            var result = EgressImporter.Import(inputs, options);
            if (result.Counts.ServiceEntries == 0 && result.Counts.Sidecars == 0)
            {
                // Nothing to import is the wrong input, not an empty stack: no stack file is printed.
                foreach (var note in result.Notes)
                {
                    context.Error.Write($"import: {Output.DiagnosticWriter.OneLine(note)}\n");
                }

                throw new UsageException($"found no ServiceEntry or Sidecar in {result.Counts.Documents} objects; give import the manifests as `kubectl get serviceentries,sidecars -A -o yaml` prints them");
            }

            context.Out.Write(result.StackText);

            var c = result.Counts;
            context.Error.Write($"import: {c.ServiceEntries} ServiceEntries and {c.Sidecars} Sidecars in {c.Documents} objects ({c.Skipped} of other kinds skipped) became {c.Services} services and {c.Presets} presets; {result.Notes.Count} notes\n");
            if (result.GrantsMatch)
            {
                context.Error.Write("import: every governed namespace reaches exactly what the manifests granted\n");
            }
            else
            {
                context.Error.Write($"import: the imported config grants differently in {result.GrantDifferences.Count} places:\n");
                foreach (var difference in result.GrantDifferences)
                {
                    context.Error.Write($"  {difference}\n");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
