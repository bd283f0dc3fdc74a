using AiSoc.Cli;

return CliApplication.Run(args, Console.Out, Console.Error);
