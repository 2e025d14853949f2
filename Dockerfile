# The archive's image: the API server (default command) and the queue workers (`npx tsx indexer/worker/main.ts`).
# poppler-utils reads PDFs (pdftotext) and renders scanned pages (pdftoppm) for tesseract's Swedish model (OCR).
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ poppler-utils tesseract-ocr tesseract-ocr-swe \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web
ENV ARCHIVE_DATA_DIR=/data PORT=3000
VOLUME ["/data"]
EXPOSE 3000
CMD ["npx", "tsx", "server/main.ts"]
