using EgressInfra.Cli;

return EgressCtl.Run(args, new CliContext(Console.Out, Console.Error) { InBytes = Console.OpenStandardInput() });
