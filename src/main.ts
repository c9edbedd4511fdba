console.log("calm desk");
