using Gateway.Cli;

var commandLine = new CommandLine([new RunCommand(), new CheckConfigCommand(), new DecodeCommand()]);
return await commandLine.RunAsync(args, Console.Out, Console.Error);
