# FastAPI equivalent of hello.js for the third column of bench/http/run.sh.
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()


@app.get("/", response_class=PlainTextResponse)
def hello():
    return "Hello, World!"


@app.get("/json")
def json():
    return {"message": "Hello, World!", "items": [1, 2, 3], "ok": True}
