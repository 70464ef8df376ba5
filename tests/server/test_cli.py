import argparse

from server.cli import add_serve_parser, run_serve


def parse(*argv):
    parser = argparse.ArgumentParser(prog="perwali")
    add_serve_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["serve", *argv])


def test_defaults_and_flags():
    args = parse()
    assert (args.host, args.port, args.store, args.handler) == ("127.0.0.1", 8000, None, run_serve)
    args = parse(
        "--store", "sparql:http://127.0.0.1:7878/query", "--port", "9000", "--query-timeout", "2.5"
    )
    assert (args.store, args.port, args.query_timeout) == (
        "sparql:http://127.0.0.1:7878/query",
        9000,
        2.5,
    )


def test_missing_store_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PERWALI_STORE", "")  # run_serve writes it; undone after the test
    assert run_serve(parse("--store", f"embedded:{tmp_path}")) == 2
    assert "perwali build" in capsys.readouterr().err
