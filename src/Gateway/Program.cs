using Gateway.Cli;

var commandLine = new CommandLine([new RunCommand(), new CheckConfigCommand()]);
return await commandLine.RunAsync(args, Console.Out, Console.Error);
