using EgressInfra.Cli;

return EgressCtl.Run(args, Console.Out, Console.Error);
