using System.Text;
using RolePlay.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args);
